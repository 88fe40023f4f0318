namespace ReverseLogistics.Domain.Pickups;

/// <summary>The platform's pickup settings.</summary>
public static class PickupRules
{
    /// <summary>A missed pickup is rebooked into a later window at most this often; the next miss is an exception.</summary>
    public const int MaxRebookings = 2;

    /// <summary>How far ahead a pickup can be booked, and how far a rebooking looks for a window with room.</summary>
    public const int BookingHorizonDays = 28;

    /// <summary>How long after a window ends a pickup without a pick-up scan counts as missed (carriers report late).</summary>
    public static readonly TimeSpan MissedPickupGrace = TimeSpan.FromMinutes(30);
}

using System.Globalization;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>How pickups read in timelines and messages.</summary>
public static class PickupText
{
    public static string Describe(PickupSlot slot) =>
        $"{slot.CarrierId} {Text(slot.Date)} {Text(slot.Starts)}-{Text(slot.Ends)} {slot.TimeZone}";

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

namespace ReverseLogistics.Domain.Network;

/// <summary>
/// The persisted state of a centre actor: its definition. Its bookings are not here: each return's commit counts the units
/// it holds (<see cref="CenterContribution"/>), and the centre's grain keeps the day totals in memory (<see cref="CenterBookings"/>).
/// States written before that still hold a "bookings" member, which is no longer read.
/// </summary>
public sealed class FulfillmentCenterState
{
    public FulfillmentCenter Center { get; set; } = new();

    /// <summary>Counts changes of <see cref="Center"/>.</summary>
    public int Revision { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

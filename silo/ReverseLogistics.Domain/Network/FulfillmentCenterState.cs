namespace ReverseLogistics.Domain.Network;

/// <summary>The persisted state of a centre actor: its definition and the returns booked on its receiving capacity.</summary>
public sealed class FulfillmentCenterState
{
    public FulfillmentCenter Center { get; set; } = new();

    /// <summary>Counts changes of <see cref="Center"/>, so a booking alone does not rebuild the routing index.</summary>
    public int Revision { get; set; }

    /// <summary>By return ("tenant/return id"): one booking per return, so a retried booking never counts twice.</summary>
    public Dictionary<string, CapacityBooking> Bookings { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

namespace ReverseLogistics.Domain.Pickups;

/// <summary>A return's carrier tracking: the latest carrier time applied, and the answer given to each carrier event id.</summary>
public sealed class TrackingState
{
    public DateTime? LatestCarrierTime { get; set; }
    public DateTime? DeliveredToCenterAt { get; set; }
    public Dictionary<string, TrackingResult> Results { get; set; } = [];
}

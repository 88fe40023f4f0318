namespace ReverseLogistics.Domain.Pickups;

/// <summary>What a tracking event does to the return's lifecycle.</summary>
public enum TrackingMove
{
    None = 0,
    MarkInTransit = 1,
    RaiseException = 2,
}

namespace ReverseLogistics.Domain.Pickups;

public enum TrackingOutcome
{
    /// <summary>The return moved, or the event was recorded at the stage it describes.</summary>
    Applied = 1,
    /// <summary>Older than an applied event, or about a stage the return is past: recorded, nothing moved.</summary>
    Ignored = 2,
}

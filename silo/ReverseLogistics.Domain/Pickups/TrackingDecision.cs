namespace ReverseLogistics.Domain.Pickups;

public sealed record TrackingDecision(TrackingOutcome Outcome, TrackingMove Move, string Explanation);

using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>The answer given to a tracking event, kept so a repeat of the event gets the same answer.</summary>
public sealed record TrackingResult(TrackingOutcome Outcome, ReturnState Status, string Explanation);

using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>
/// How a carrier's tracking event moves a return. Events can arrive late and out of order: one older
/// than the latest applied (by the carrier's clock) is ignored, and nothing ever moves a return back.
/// Delivered to centre keeps the return in transit: the centre's handheld scan receives it.
/// </summary>
public static class CarrierTracking
{
    public static TrackingDecision Decide(ReturnState state, DateTime? latestApplied, TrackingEvent e)
    {
        if (latestApplied is { } latest && e.OccurredAt < latest)
            return Ignore($"older than the latest applied carrier event ({latest:O})");
        var handedOver = state is ReturnState.LabelIssued or ReturnState.AwaitingPickup or ReturnState.AwaitingDropoff;
        if (!handedOver && state != ReturnState.InTransit)
            return Ignore($"the return is already {ReturnTransitions.Name(state)}");
        if (e.Kind == TrackingEventKind.Exception)
            return new(TrackingOutcome.Applied, TrackingMove.RaiseException, "carrier exception");
        return handedOver
            ? new(TrackingOutcome.Applied, TrackingMove.MarkInTransit, Describe(e.Kind))
            : new(TrackingOutcome.Applied, TrackingMove.None, Describe(e.Kind) + "; still in transit");
    }

    private static string Describe(TrackingEventKind kind) => kind switch
    {
        TrackingEventKind.PickedUp => "picked up by the carrier",
        TrackingEventKind.DeliveredToCenter => "delivered to the centre, awaiting its scan",
        _ => "in transit",
    };

    private static TrackingDecision Ignore(string why) => new(TrackingOutcome.Ignored, TrackingMove.None, why);
}

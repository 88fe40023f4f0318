using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.UnitTests.Pickups;

/// <summary>How tracking events move a return: pure domain rules.</summary>
public sealed class CarrierTrackingTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

    private static TrackingEvent Event(TrackingEventKind kind, DateTime at) => new("ev", "CARRIER-A", kind, at, null, null);

    [Theory]
    [InlineData(ReturnState.LabelIssued, TrackingEventKind.PickedUp, TrackingMove.MarkInTransit)]
    [InlineData(ReturnState.AwaitingPickup, TrackingEventKind.InTransit, TrackingMove.MarkInTransit)]
    [InlineData(ReturnState.AwaitingDropoff, TrackingEventKind.DeliveredToCenter, TrackingMove.MarkInTransit)]
    [InlineData(ReturnState.AwaitingPickup, TrackingEventKind.Exception, TrackingMove.RaiseException)]
    [InlineData(ReturnState.InTransit, TrackingEventKind.DeliveredToCenter, TrackingMove.None)]
    [InlineData(ReturnState.InTransit, TrackingEventKind.Exception, TrackingMove.RaiseException)]
    public void Events_move_a_return_forward(ReturnState state, TrackingEventKind kind, TrackingMove move)
    {
        var decision = CarrierTracking.Decide(state, T0, Event(kind, T0));

        Assert.Equal((TrackingOutcome.Applied, move), (decision.Outcome, decision.Move));
        if (move != TrackingMove.None) Assert.True(ReturnTransitions.IsAllowed(state, move == TrackingMove.MarkInTransit ? ReturnTrigger.MarkInTransit : ReturnTrigger.RaiseException));
    }

    [Theory]
    [InlineData(ReturnState.Received)]
    [InlineData(ReturnState.Cancelled)]
    [InlineData(ReturnState.Exception)]
    [InlineData(ReturnState.Approved)]
    public void Events_about_a_stage_the_return_is_past_or_not_at_are_ignored(ReturnState state) =>
        Assert.Equal((TrackingOutcome.Ignored, TrackingMove.None), Outcome(CarrierTracking.Decide(state, null, Event(TrackingEventKind.InTransit, T0))));

    [Fact]
    public void An_event_older_than_the_latest_applied_is_ignored_even_an_exception()
    {
        var decision = CarrierTracking.Decide(ReturnState.InTransit, T0, Event(TrackingEventKind.Exception, T0.AddSeconds(-1)));

        Assert.Equal((TrackingOutcome.Ignored, TrackingMove.None), Outcome(decision));
        Assert.Contains("older", decision.Explanation);
    }

    private static (TrackingOutcome, TrackingMove) Outcome(TrackingDecision d) => (d.Outcome, d.Move);
}

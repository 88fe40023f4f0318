using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>What a handheld should do next with a parcel, from the return's state and what the warehouse recorded.</summary>
public static class NextSteps
{
    public static ParcelAdvice For(RmaState rma, ReceivingState receiving)
    {
        var received = rma.ReceivedQuantities;
        var uninspected = received.Select((units, line) => (units, line)).Where(l => l.units > 0 && !receiving.Inspections.ContainsKey(l.line)).ToList();
        var undecided = received.Select((units, line) => (units, line)).Where(l => l.units > 0 && !receiving.Dispositions.ContainsKey(l.line)).ToList();
        return rma.State switch
        {
            ReturnState.LabelIssued or ReturnState.AwaitingPickup or ReturnState.AwaitingDropoff or ReturnState.InTransit =>
                new(NextStep.Receive, "scan the units in the parcel"),
            ReturnState.PartiallyReceived when uninspected.Count > 0 =>
                new(NextStep.Inspect, $"grade line(s) {Lines(uninspected)}; or receive the rest first (inspection settles what has arrived)"),
            ReturnState.PartiallyReceived => new(NextStep.Receive, "scan the units still expected"),
            ReturnState.Received => new(NextStep.Inspect, $"grade line(s) {Lines(uninspected)}"),
            ReturnState.Inspected or ReturnState.RefundPending or ReturnState.Refunded or ReturnState.StoreCreditIssued
                or ReturnState.ExchangeRequested or ReturnState.Closed when undecided.Count > 0 && receiving.Inspections.Count > 0 =>
                new(NextStep.SetDisposition, $"choose a disposition for line(s) {Lines(undecided)}"),
            ReturnState.Inspected or ReturnState.RefundPending or ReturnState.Refunded or ReturnState.StoreCreditIssued
                or ReturnState.ExchangeRequested or ReturnState.Closed => new(NextStep.Done, "nothing left to do at the centre"),
            ReturnState.Exception => new(NextStep.Hold, "set the parcel aside: the return is in exception until the merchant resolves it"),
            _ => new(NextStep.Hold, $"set the parcel aside: the return is {ReturnTransitions.Name(rma.State)} and cannot be received"),
        };
    }

    private static string Lines(IEnumerable<(int Units, int Line)> lines) => string.Join(", ", lines.Select(l => l.Line));
}

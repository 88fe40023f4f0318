using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// When a return passed the milestones of its resolution, from its record: requested (created), first approved, arrived at
/// the centre (first handheld scan), inspected (the last line graded), refunded (refund or store credit issued). A
/// milestone the return skipped (refunded from an exception before arrival) is null.
/// </summary>
public sealed record ResolutionTimes(DateTime Requested, DateTime? Approved, DateTime? Arrived, DateTime? Inspected, DateTime? Refunded)
{
    public static ResolutionTimes Of(ReturnRecord record)
    {
        var timeline = record.Rma.Timeline;
        return new ResolutionTimes(
            record.CreatedAt,
            timeline.FirstOrDefault(e => e.Trigger == ReturnTrigger.Approve)?.At,
            record.Receiving.ArrivedAt,
            timeline.LastOrDefault(e => e.Trigger == ReturnTrigger.CompleteInspection)?.At,
            timeline.FirstOrDefault(e => e.Trigger is ReturnTrigger.IssueRefund or ReturnTrigger.IssueStoreCredit)?.At);
    }

    /// <summary>The whole duration and each stage with both ends known, in seconds (never negative); none before the refund.</summary>
    public IEnumerable<(ResolutionSpan Span, long Seconds)> Spans()
    {
        if (Refunded is not { } refunded) yield break;
        yield return (ResolutionSpan.RequestToRefund, Seconds(Requested, refunded));
        if (Approved is { } approved) yield return (ResolutionSpan.Approval, Seconds(Requested, approved));
        if (Approved is { } from && Arrived is { } arrived) yield return (ResolutionSpan.InTransit, Seconds(from, arrived));
        if (Arrived is { } arrival && Inspected is { } inspected) yield return (ResolutionSpan.AwaitingInspection, Seconds(arrival, inspected));
        if (Inspected is { } done) yield return (ResolutionSpan.Refund, Seconds(done, refunded));
    }

    private static long Seconds(DateTime from, DateTime to) => Math.Max(0, (long)(to - from).TotalSeconds);
}

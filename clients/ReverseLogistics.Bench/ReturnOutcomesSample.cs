using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Bench;

/// <summary>
/// What becomes of a benchmark return, written into its record as the platform would leave it (timeline, receiving,
/// refund), with a spread of times, grades and dispositions: 80 % are refunded (approved at once or after up to a day of
/// review, 1-10 days on the way, up to 3 days waiting for inspection, refunded on inspection), each inspected line gets a
/// disposition within 3 days; the rest are still on their way.
/// </summary>
internal static class ReturnOutcomesSample
{
    public static void Resolve(ReturnRecord record, Random random)
    {
        if (random.NextDouble() >= 0.8 || record.Rma.State != ReturnState.Approved) return;
        var requested = record.CreatedAt;
        var approved = random.NextDouble() < 0.9 ? requested : requested.AddMinutes(random.Next(30, 24 * 60));
        var arrived = approved.AddHours(random.Next(24, 240));
        var inspected = arrived.AddMinutes(random.Next(10, 72 * 60));
        var timeline = record.Rma.Timeline;
        if (approved != requested) timeline[0] = timeline[0] with { Trigger = ReturnTrigger.SendToManualReview, To = ReturnState.ManualReview };
        if (approved != requested) timeline.Add(new(ReturnState.ManualReview, ReturnState.Approved, ReturnTrigger.Approve, "key:bench", approved));
        timeline.Add(new(ReturnState.InTransit, ReturnState.Received, ReturnTrigger.ReceiveAll, "device:bench", arrived));
        timeline.Add(new(ReturnState.Received, ReturnState.Inspected, ReturnTrigger.CompleteInspection, "system:inspection", inspected));
        timeline.Add(new(ReturnState.Inspected, ReturnState.RefundPending, ReturnTrigger.IssueRefund, "system:refunds", inspected));
        record.Receiving.ArrivedAt = arrived;
        var lines = record.Request.Lines;
        var refundLines = new List<RefundLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var grade = Grade(random);
            record.Receiving.Inspections[i] = new LineInspection(grade, null, [], [], "device:bench", inspected);
            record.Receiving.Dispositions[i] = new LineDisposition(DispositionOf(grade, random), null, lines[i].Quantity, "device:bench",
                inspected.AddMinutes(random.Next(0, 3 * 24 * 60)));
            refundLines.Add(new RefundLine(i, lines[i].Category, lines[i].UnitPrice, lines[i].Quantity, lines[i].ReasonCode, grade));
        }
        record.Rma.ReceivedQuantities = [.. lines.Select(l => l.Quantity)];
        record.Rma.State = ReturnState.RefundPending;
        record.Refund = RefundCalculator.Compute(record.Policy, record.Request.RequestedResolution, refundLines);
    }

    private static InspectionGrade Grade(Random random) => random.NextDouble() switch
    {
        < 0.50 => InspectionGrade.A,
        < 0.75 => InspectionGrade.B,
        < 0.87 => InspectionGrade.C,
        < 0.95 => InspectionGrade.D,
        _ => InspectionGrade.Scrap,
    };

    private static Disposition DispositionOf(InspectionGrade grade, Random random)
    {
        var roll = random.NextDouble();
        return grade switch
        {
            InspectionGrade.A or InspectionGrade.B or InspectionGrade.C => roll < 0.8 ? Disposition.Restock : roll < 0.9 ? Disposition.Refurbish : Disposition.ReturnToVendor,
            InspectionGrade.D => roll < 0.5 ? Disposition.Refurbish : roll < 0.8 ? Disposition.Liquidate : Disposition.Recycle,
            _ => roll < 0.6 ? Disposition.Recycle : Disposition.Dispose,
        };
    }
}

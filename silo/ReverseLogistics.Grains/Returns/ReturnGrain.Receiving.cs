using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Grains.Returns;

/// <summary>Warehouse handhelds (ReceivingService): each step checks the parcel is at its destination centre, in the same turn.</summary>
public sealed partial class ReturnGrain
{
    public Task<ReturnSnapshot> ScanAsync(HandheldScan scan, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.Arrive(scan.CentreId, scan.Actor, now));

    public Task<ReturnSnapshot> ReceiveItemsAsync(HandheldScan scan, IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected,
        IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.Receive(items, unexpected, scan.CentreId, scan.Actor, now));

    /// <summary>Grades one line; the last one settles the return and issues the refund.</summary>
    public Task<ReturnSnapshot> RecordInspectionAsync(HandheldScan scan, int lineIndex, InspectionGrade grade, string? notes,
        IReadOnlyList<string> photoReferences, IReadOnlyList<MismatchFlag> mismatches, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, record, now) =>
        {
            var (entries, complete) = handling.Inspect(lineIndex, grade, notes, photoReferences, mismatches, scan.Actor, now);
            if (!complete) return entries;
            var (settled, refund) = handling.Settle(record.Policy, record.Request.RequestedResolution, now);
            record.Refund = refund;
            return [.. entries, .. settled];
        });

    public Task<ReturnSnapshot> SetDispositionAsync(HandheldScan scan, int lineIndex, Disposition disposition, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.SetDisposition(lineIndex, disposition, scan.Actor, now));

    public Task<ReturnSnapshot> ReportExceptionAsync(HandheldScan scan, ExceptionKind kind, string? notes, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.ReportException(kind, notes, scan.CentreId, scan.Actor, now));

    private async Task<ReturnSnapshot> HandleAsync(HandheldScan scan, IdempotencyTicket ticket,
        Func<ParcelHandling, ReturnRecord, DateTime, List<TimelineEntry>> step)
    {
        var record = RequireExisting();
        var destination = record.Destination?.FulfillmentCenterId;
        if (destination != scan.CentreId)
            throw new PreconditionFailedException(
                $"Return '{Key.Id}' belongs to fulfilment centre '{destination ?? "none"}', not '{scan.CentreId}': send the parcel there.");
        var now = Now;
        var entries = step(new ParcelHandling(new Rma(record.Rma), record.Receiving, record.Request.Lines), record, now);
        return await CommitAsync(entries, ticket, now);
    }
}

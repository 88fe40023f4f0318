using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>
/// What a fulfilment centre does with a return's parcel, applied to the return's lifecycle
/// (<see cref="Rma"/>) and its receiving record. Every step returns the timeline entries it made.
/// Rules:
/// - A parcel handled at a centre has travelled: a return still waiting for its label to be used,
///   its pickup or its drop-off first moves to in transit.
/// - Receipts accept up to what each line still expects; units beyond that, and SKUs on no line, are
///   recorded as discrepancies (timeline + the return's list), never refunded, and the state stays.
/// - Each received line is inspected once or more (the last grade counts) until every line with
///   received units is graded: then the return is inspected and settled at once (see <see cref="Settle"/>).
///   A return partially received at that moment is settled for what arrived.
/// - A disposition is set once per inspected line; restocking needs a resellable grade (A-C) and the right item.
/// </summary>
public sealed class ParcelHandling(Rma rma, ReceivingState receiving, IReadOnlyList<ReturnLine> lines)
{
    public const int MaxNotesLength = 2000;
    public const int MaxPhotoReferences = 20;
    public const int MaxPhotoReferenceLength = 512;
    public const int MaxSkuLength = 128;

    private static readonly ReturnState[] NotYetTravelled = [ReturnState.LabelIssued, ReturnState.AwaitingPickup, ReturnState.AwaitingDropoff];
    private static readonly ReturnState[] Receivable = [.. NotYetTravelled, ReturnState.InTransit, ReturnState.PartiallyReceived, ReturnState.Received];

    /// <summary>The parcel is scanned in at <paramref name="centreId"/>.</summary>
    public List<TimelineEntry> Arrive(string centreId, string actor, DateTime at)
    {
        receiving.ArrivedAt ??= at;
        return NotYetTravelled.Contains(rma.Current)
            ? [rma.Apply(ReturnTrigger.MarkInTransit, actor, at, $"parcel arrived at {centreId}")]
            : [];
    }

    public List<TimelineEntry> Receive(IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected, string centreId, string actor, DateTime at)
    {
        if (!Receivable.Contains(rma.Current))
            throw new PreconditionFailedException($"Return is in state {ReturnTransitions.Name(rma.Current)}; nothing can be received for it.");
        ValidateReceipt(items, unexpected);

        var entries = Arrive(centreId, actor, at);
        var accepted = new List<ReceivedItem>();
        var discrepancies = new List<ReceiptDiscrepancy>();
        var outstanding = rma.State.ExpectedQuantities.Select((expected, line) => expected - rma.State.ReceivedQuantities[line]).ToArray();
        foreach (var item in items)
        {
            var taken = Math.Min(item.Quantity, outstanding[item.LineIndex]);
            outstanding[item.LineIndex] -= taken;
            if (taken > 0) accepted.Add(item with { Quantity = taken });
            if (item.Quantity > taken)
                discrepancies.Add(new(DiscrepancyKind.ExtraUnits, item.LineIndex, lines[item.LineIndex].Sku, item.Quantity - taken, null, actor, at));
        }
        discrepancies.AddRange(unexpected.Select(u => new ReceiptDiscrepancy(DiscrepancyKind.UnexpectedItem, null, u.Sku, u.Quantity, u.Description, actor, at)));

        if (accepted.Count > 0) entries.Add(rma.ReceiveItems(accepted, actor, at));
        if (discrepancies.Count > 0)
        {
            receiving.Discrepancies.AddRange(discrepancies);
            entries.Add(rma.Apply(ReturnTrigger.RecordDiscrepancy, actor, at, string.Join(", ", discrepancies.Select(Describe))));
        }
        return entries;
    }

    /// <summary>Grades one received line; true when every received line is now graded, so the return can be settled.</summary>
    public (List<TimelineEntry> Entries, bool Complete) Inspect(int lineIndex, InspectionGrade grade, string? notes,
        IReadOnlyList<string> photoReferences, IReadOnlyList<MismatchFlag> mismatches, string actor, DateTime at)
    {
        ReturnTransitions.Next(rma.Current, ReturnTrigger.InspectLine); // an illegal state is reported before bad input
        var known = lineIndex >= 0 && lineIndex < lines.Count;
        var v = new Validator()
            .Require(known, "line_index", "no such line on this return")
            .Require(!known || rma.State.ReceivedQuantities[lineIndex] > 0, "line_index", "no units of this line were received")
            .Require(Enum.IsDefined(grade), "grade", "required: A, B, C, D or scrap")
            .Require((notes?.Length ?? 0) <= MaxNotesLength, "notes", $"at most {MaxNotesLength} characters");
        ValidatePhotos(v, photoReferences, "photo_references");
        for (var i = 0; i < mismatches.Count; i++) v.Require(Enum.IsDefined(mismatches[i]), $"mismatches[{i}]", "unknown mismatch");
        v.ThrowIfInvalid();

        var inspection = new LineInspection(grade, string.IsNullOrWhiteSpace(notes) ? null : notes, [.. photoReferences], [.. mismatches.Distinct()], actor, at);
        receiving.Inspections[lineIndex] = inspection;
        var entry = rma.Apply(ReturnTrigger.InspectLine, actor, at, Describe(lineIndex, inspection));
        var complete = rma.State.ReceivedQuantities.Select((received, line) => received == 0 || receiving.Inspections.ContainsKey(line)).All(done => done);
        return ([entry], complete);
    }

    /// <summary>
    /// Completes the inspection and settles the return in the resolution the customer asked for: the refund
    /// comes from the policy the return was created under, the grades and the mismatches of what arrived.
    /// </summary>
    public (List<TimelineEntry> Entries, RefundBreakdown Refund) Settle(ReturnPolicy policy, Resolution resolution, DateTime at)
    {
        var received = rma.State.ReceivedQuantities;
        var graded = receiving.Inspections.Where(i => received[i.Key] > 0).OrderBy(i => i.Key).ToList();
        var inspected = rma.Apply(ReturnTrigger.CompleteInspection, "system:inspection", at, string.Join("; ", graded.Select(i => Describe(i.Key, i.Value))));
        var refund = RefundCalculator.Compute(policy, resolution, [.. graded.Select(g =>
        {
            var line = lines[g.Key];
            return new RefundLine(g.Key, line.Category, line.UnitPrice, received[g.Key], line.ReasonCode, g.Value.Grade, g.Value.Mismatches);
        })]);
        var amounts = $"total {refund.Total.MinorUnits} {refund.Total.CurrencyCode} (gross {refund.Gross.MinorUnits}, " +
            $"grading -{refund.GradeDeductions.MinorUnits}, restocking -{refund.RestockingFees.MinorUnits}, " +
            $"shipping -{refund.ShippingFee.MinorUnits}, bonus +{refund.Bonus.MinorUnits})";
        var settlement = resolution switch
        {
            Resolution.StoreCredit => rma.Apply(ReturnTrigger.IssueStoreCredit, "system:refunds", at, amounts),
            Resolution.Exchange => rma.Apply(ReturnTrigger.RequestExchange, "system:refunds", at, amounts),
            _ when refund.Total.MinorUnits == 0 => rma.Apply(ReturnTrigger.Close, "system:refunds", at, "nothing to refund: " + amounts),
            _ => rma.Apply(ReturnTrigger.IssueRefund, "system:refunds", at, amounts),
        };
        return ([inspected, settlement], refund);
    }

    public List<TimelineEntry> SetDisposition(int lineIndex, Disposition disposition, string actor, DateTime at)
    {
        ReturnTransitions.Next(rma.Current, ReturnTrigger.AssignDisposition);
        var known = lineIndex >= 0 && lineIndex < lines.Count;
        new Validator()
            .Require(known, "line_index", "no such line on this return")
            .Require(Enum.IsDefined(disposition), "disposition", "required: restock, refurbish, liquidate, recycle, return to vendor or dispose")
            .ThrowIfInvalid();
        if (!receiving.Inspections.TryGetValue(lineIndex, out var inspection) || rma.State.ReceivedQuantities[lineIndex] == 0)
            throw new PreconditionFailedException($"Line {lineIndex} was not inspected; only inspected units get a disposition.");
        if (receiving.Dispositions.TryGetValue(lineIndex, out var existing))
            throw new PreconditionFailedException($"Line {lineIndex} already has the disposition {existing.Disposition}.");
        if (disposition == Disposition.Restock && (inspection.Grade is InspectionGrade.D or InspectionGrade.Scrap || inspection.Mismatches.Contains(MismatchFlag.WrongItem)))
            throw new PreconditionFailedException(
                $"Line {lineIndex} cannot be restocked: only units of the right item graded A, B or C are resold (it is {inspection.Grade}" +
                (inspection.Mismatches.Contains(MismatchFlag.WrongItem) ? ", wrong item)." : ")."));

        var quantity = rma.State.ReceivedQuantities[lineIndex];
        var resaleSku = disposition == Disposition.Restock ? ResaleSku.For(lines[lineIndex].Sku, inspection.Grade) : null;
        receiving.Dispositions[lineIndex] = new LineDisposition(disposition, resaleSku, quantity, actor, at);
        var details = $"line {lineIndex}: {disposition}{(resaleSku is null ? "" : $" as {resaleSku}")}, {quantity} unit(s)";
        return [rma.Apply(ReturnTrigger.AssignDisposition, actor, at, details)];
    }

    /// <summary>Something is wrong with the parcel as a whole: the return goes to exception, for the merchant to resolve.</summary>
    public List<TimelineEntry> ReportException(ExceptionKind kind, string? notes, string centreId, string actor, DateTime at)
    {
        var v = new Validator()
            .Require(Enum.IsDefined(kind), "problem", "required: damaged in transit, wrong item, missing item or empty box")
            .Require((notes?.Length ?? 0) <= MaxNotesLength, "notes", $"at most {MaxNotesLength} characters");
        if (!NotYetTravelled.Contains(rma.Current) && !ReturnTransitions.IsAllowed(rma.Current, ReturnTrigger.RaiseException))
            throw new PreconditionFailedException($"Return is in state {ReturnTransitions.Name(rma.Current)}; no exception can be raised on it.");
        v.ThrowIfInvalid();
        var entries = Arrive(centreId, actor, at);
        entries.Add(rma.RaiseException(kind, actor, at, string.IsNullOrWhiteSpace(notes) ? null : notes));
        return entries;
    }

    private void ValidateReceipt(IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected)
    {
        var v = new Validator().Require(items.Count + unexpected.Count > 0, "items", "at least one item (or unexpected item)");
        for (var i = 0; i < items.Count; i++)
        {
            v.Require(items[i].LineIndex >= 0 && items[i].LineIndex < lines.Count, $"items[{i}].line_index", "no such line on this return: report other SKUs as unexpected items");
            v.Require(items[i].Quantity >= 1, $"items[{i}].quantity", "at least 1");
        }
        for (var i = 0; i < unexpected.Count; i++)
        {
            v.Require(unexpected[i].Sku.Trim().Length is > 0 and <= MaxSkuLength, $"unexpected_items[{i}].sku", $"required, at most {MaxSkuLength} characters");
            v.Require(unexpected[i].Quantity >= 1, $"unexpected_items[{i}].quantity", "at least 1");
            v.Require((unexpected[i].Description?.Length ?? 0) <= MaxNotesLength, $"unexpected_items[{i}].description", $"at most {MaxNotesLength} characters");
        }
        v.ThrowIfInvalid();
    }

    private static void ValidatePhotos(Validator v, IReadOnlyList<string> references, string field)
    {
        v.Require(references.Count <= MaxPhotoReferences, field, $"at most {MaxPhotoReferences}");
        for (var i = 0; i < references.Count; i++)
            v.Require(references[i].Trim().Length is > 0 and <= MaxPhotoReferenceLength, $"{field}[{i}]", $"non-empty, at most {MaxPhotoReferenceLength} characters");
    }

    private static string Describe(ReceiptDiscrepancy d) => d.Kind == DiscrepancyKind.ExtraUnits
        ? $"{d.Quantity} extra unit(s) of line {d.LineIndex} ({d.Sku})"
        : $"{d.Quantity} unexpected unit(s) of {d.Sku}";

    private static string Describe(int line, LineInspection inspection) =>
        $"line {line}: {inspection.Grade}" + string.Concat(inspection.Mismatches.Select(m => $", {m}"));
}

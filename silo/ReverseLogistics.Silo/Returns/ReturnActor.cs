using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Returns;

/// <summary>
/// One return (key: tenant id + return id). It applies the lifecycle to its record and
/// persists every transition both in its state's timeline and as an event in its stream.
/// </summary>
public sealed class ReturnActor : Actor<ReturnRecord>, IActor
{
    public static string TypeName => "return";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Proto.Return Get() => ReturnMapper.ToProto(Key.Id, RequireExisting());

    public async Task<Proto.Return> CreateAsync(ReturnDraft draft, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Return '{Key.Id}' already exists.");
        var now = Now;
        var eligible = draft.Eligibility.EligibleLineIndexes.ToHashSet();
        var rma = Rma.Open([.. draft.Request.Lines.Select((line, i) => eligible.Contains(i) ? line.Quantity : 0)]);
        State.Request = draft.Request;
        State.CustomerName = draft.CustomerName;
        State.CustomerFlagged = draft.CustomerFlagged;
        State.Policy = draft.Policy;
        State.Eligibility = draft.Eligibility;
        State.Rma = rma.State;
        State.Refund = draft.Eligibility.EstimatedRefund;
        State.TenantName = draft.TenantName;
        State.Destination = draft.Destination;
        State.CreatedAt = now;

        var reasons = string.Join("; ", draft.Eligibility.Decision.Reasons.Select(r => r.Message));
        var entries = draft.Eligibility.Decision.Kind switch
        {
            DecisionKind.AutoApprove => [rma.Apply(ReturnTrigger.Approve, "system:auto-approve", now, reasons), .. IssueLabel(rma, now)],
            DecisionKind.ManualReview => [rma.Apply(ReturnTrigger.SendToManualReview, "system:policy", now, reasons)],
            _ => new List<TimelineEntry> { rma.Apply(ReturnTrigger.Reject, "system:policy", now, reasons) },
        };
        return await CommitAsync(entries, ticket, now);
    }

    public async Task<Proto.Return> ApproveAsync(string note, Caller caller, IdempotencyTicket ticket)
    {
        var rma = new Rma(RequireExisting().Rma);
        var now = Now;
        var approval = rma.Apply(ReturnTrigger.Approve, caller.AuditName, now, note.Length == 0 ? null : note);
        return await CommitAsync([approval, .. IssueLabel(rma, now)], ticket, now);
    }

    public Task<Proto.Return> RejectAsync(string reason, Caller caller, IdempotencyTicket ticket) =>
        MoveAsync(ReturnTrigger.Reject, reason, caller, ticket);

    public Task<Proto.Return> CancelAsync(string reason, Caller caller, IdempotencyTicket ticket) =>
        MoveAsync(ReturnTrigger.Cancel, reason, caller, ticket);

    public Task<Proto.Return> ConfirmRefundAsync(string paymentReference, Caller caller, IdempotencyTicket ticket)
    {
        State.PaymentReference = paymentReference;
        return MoveAsync(ReturnTrigger.ConfirmRefund, $"payment {paymentReference}", caller, ticket);
    }

    /// <summary>Units scanned in at the centre (partial receipts allowed); the return is received once all expected units are in.</summary>
    public async Task<Proto.Return> ReceiveAsync(IReadOnlyList<ReceivedItem> items, string actor, IdempotencyTicket? ticket)
    {
        var rma = new Rma(RequireExisting().Rma);
        var now = Now;
        return await CommitAsync([rma.ReceiveItems(items, actor, now)], ticket, now);
    }

    /// <summary>
    /// Inspection of what arrived, one grade per received line. The refund is then computed from the
    /// policy the return was created under and issued at once, in the resolution the customer asked for.
    /// </summary>
    public async Task<Proto.Return> InspectAsync(IReadOnlyDictionary<int, InspectionGrade> grades, string actor, IdempotencyTicket? ticket)
    {
        var record = RequireExisting();
        var received = record.Rma.ReceivedQuantities;
        var validator = new Validator();
        for (var line = 0; line < received.Count; line++)
            validator.Require(received[line] == 0 || grades.ContainsKey(line), $"grades[{line}]", "every received line needs a grade");
        foreach (var line in grades.Keys)
            validator.Require(line >= 0 && line < received.Count && received[line] > 0, $"grades[{line}]", "no units of this line were received");
        validator.ThrowIfInvalid();

        var rma = new Rma(record.Rma);
        var now = Now;
        var inspected = rma.Apply(ReturnTrigger.CompleteInspection, actor, now,
            string.Join(", ", grades.OrderBy(g => g.Key).Select(g => $"line {g.Key}: {g.Value}")));
        var refund = RefundCalculator.Compute(record.Policy, record.Request.RequestedResolution, [.. grades.Select(g =>
        {
            var line = record.Request.Lines[g.Key];
            return new RefundLine(g.Key, line.Category, line.UnitPrice, received[g.Key], line.ReasonCode, g.Value);
        })]);
        record.Refund = refund;
        var amounts = $"total {refund.Total.MinorUnits} {refund.Total.CurrencyCode} (gross {refund.Gross.MinorUnits}, " +
            $"grading -{refund.GradeDeductions.MinorUnits}, restocking -{refund.RestockingFees.MinorUnits}, " +
            $"shipping -{refund.ShippingFee.MinorUnits}, bonus +{refund.Bonus.MinorUnits})";
        var settlement = record.Request.RequestedResolution switch
        {
            Resolution.StoreCredit => rma.Apply(ReturnTrigger.IssueStoreCredit, "system:refunds", now, amounts),
            Resolution.Exchange => rma.Apply(ReturnTrigger.RequestExchange, "system:refunds", now, amounts),
            _ when refund.Total.MinorUnits == 0 => rma.Apply(ReturnTrigger.Close, "system:refunds", now, "nothing to refund: " + amounts),
            _ => rma.Apply(ReturnTrigger.IssueRefund, "system:refunds", now, amounts),
        };
        return await CommitAsync([inspected, settlement], ticket, now);
    }

    public Proto.ListReturnEventsResponse Events()
    {
        var record = RequireExisting();
        var response = new Proto.ListReturnEventsResponse();
        response.Events.AddRange(record.Rma.Timeline.Select((entry, i) => ReturnMapper.ToProto(i + 1, entry, entry.From)));
        return response;
    }

    public Proto.ReturnLabel Label(Proto.LabelFormat format)
    {
        var record = RequireExisting();
        if (record.Rma.Timeline.All(e => e.Trigger != ReturnTrigger.IssueLabel) || record.Rma.State is ReturnState.Cancelled or ReturnState.Expired)
            throw new PreconditionFailedException($"Return is in state {Describe(record.Rma.State)}; it has no label.");
        var labelFormat = format switch
        {
            Proto.LabelFormat.Zpl => Labels.LabelFormat.Zpl,
            Proto.LabelFormat.Png => Labels.LabelFormat.Png,
            _ => Labels.LabelFormat.Pdf,
        };
        var rendered = ReturnLabels.Render(Key.Id, record, labelFormat);
        return new Proto.ReturnLabel
        {
            ReturnId = Key.Id,
            Format = format == Proto.LabelFormat.Unspecified ? Proto.LabelFormat.Pdf : format,
            ContentType = rendered.ContentType,
            Content = Google.Protobuf.ByteString.CopyFrom(rendered.Content),
            TrackingNumber = record.TrackingNumber ?? "",
            DestinationFulfillmentCenterId = record.Destination?.FulfillmentCenterId ?? "",
        };
    }

    private async Task<Proto.Return> MoveAsync(ReturnTrigger trigger, string details, Caller caller, IdempotencyTicket ticket)
    {
        var rma = new Rma(RequireExisting().Rma);
        var now = Now;
        var entry = rma.Apply(trigger, caller.AuditName, now, details.Length == 0 ? null : details);
        return await CommitAsync([entry], ticket, now);
    }

    /// <summary>Carrier returns get a tracking number; drop-off and in-store returns then wait for the customer.</summary>
    private List<TimelineEntry> IssueLabel(Rma rma, DateTime now)
    {
        var carrier = State.Request.ReturnMethod == ReturnMethod.CarrierPickup;
        State.TrackingNumber = carrier ? TrackingNumbers.New() : null;
        var destination = State.Destination?.FulfillmentCenterId;
        var issued = rma.Apply(ReturnTrigger.IssueLabel, "system:labels", now,
            carrier ? $"tracking {State.TrackingNumber} to {destination}" : $"QR code for {destination}");
        return carrier ? [issued] : [issued, rma.Apply(ReturnTrigger.AwaitDropOff, "system:labels", now)];
    }

    private async Task<Proto.Return> CommitAsync(IReadOnlyList<TimelineEntry> entries, IdempotencyTicket? ticket, DateTime now)
    {
        State.UpdatedAt = now;
        var response = ReturnMapper.ToProto(Key.Id, State);
        var events = entries.Select(e => new NewEvent(e.Trigger.ToString(),
            JsonSerializer.Serialize(new { e.From, e.To, e.Details }, ActorJson.Options), e.Actor, e.At)).ToList();
        await CommitAsync(events, ticket?.Record(response, now), ReturnIndex.Of(State));
        return response;
    }

    private ReturnRecord RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Return '{Key.Id}' not found.");

    private static string Describe(ReturnState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());

    /// <summary>
    /// The label-expiry timer (the scheduler's sweep): expires the return if its label has outlived the
    /// policy's validity by now. The sweep's index may be stale, so the actor decides on its own state.
    /// </summary>
    /// <returns>Whether the return expired in this turn.</returns>
    public async Task<bool> ExpireLabelIfDueAsync()
    {
        var now = Now;
        if (!Exists || ReturnTimers.LabelExpiresAt(State.Rma, State.Policy) is not { } expiresAt || expiresAt > now) return false;
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.Expire, "system:label-expiry", now,
            $"label valid {State.Policy.LabelValidDays} days, until {ReturnIndex.Timestamp(expiresAt)}; not shipped");
        await CommitAsync([entry], null, now);
        return true;
    }

    /// <summary>
    /// The inspection-SLA timer: records an escalation on the timeline, once, if the return has waited
    /// for inspection longer than the policy allows. The state does not change.
    /// </summary>
    /// <returns>Whether the return was escalated in this turn.</returns>
    public async Task<bool> EscalateInspectionIfDueAsync()
    {
        var now = Now;
        if (!Exists || ReturnTimers.InspectionDueAt(State.Rma, State.Policy) is not { } dueAt || dueAt > now) return false;
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.EscalateInspection, "system:inspection-sla", now,
            $"not inspected within {State.Policy.InspectionSlaHours} hours of receipt (due {ReturnIndex.Timestamp(dueAt)})");
        await CommitAsync([entry], null, now);
        return true;
    }
}

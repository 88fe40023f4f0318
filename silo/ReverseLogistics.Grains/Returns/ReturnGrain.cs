using System.Text.Json;
using Orleans;
using Orleans.Concurrency;
using Orleans.Placement;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains.Policies;
using ReverseLogistics.Grains.Routing;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Returns;

/// <summary>
/// A return: each call loads the <see cref="Return"/> aggregate over the grain's record, lets it decide, makes the
/// calls to other grains it needs (routing and centre capacity, carrier windows for pickups) and commits the record
/// with the timeline entries as events. Those grains never call a return, so no call cycle can deadlock.
/// </summary>
[PreferLocalPlacement] // a new return lives where its CreateReturn arrived: no hop to another silo, no placement decision
// A return is called in bursts (created then read back, a parcel scanned then inspected) hours or days apart. Kept for
// the platform's ten idle minutes, a silo creating 1,000 returns/s would hold 600,000 of them; two minutes holds 120,000.
[CollectionAgeLimit(Minutes = 2)]
public sealed class ReturnGrain(IActorStore store, PlatformClock clock, IReturnRouter router, PickupBooker pickups, SharedPolicies policies)
    : StoreGrain<ReturnRecord>(store, TypeName, clock), IReturnGrain
{
    public const string TypeName = "return";
    /// <summary>The first event of every return, before the decision's.</summary>
    public const string CreatedEvent = "Created";
    public const string TrackingAppliedEvent = "TrackingEventApplied";

    protected override Task OnLoadedAsync()
    {
        State.Policy = policies.Share(State.Policy);
        return Task.CompletedTask;
    }

    /// <summary>Returns, units and reasons by day and month (docs/analytics.md), moved by every commit that changes them.</summary>
    protected override Contribution CountersOf(ReturnRecord state) => ReturnAnalytics.Of(state);

    public Task<ReturnSnapshot> GetAsync() => Task.FromResult(new ReturnSnapshot(Key.TenantId, Key.Id, Existing().Record));

    public async Task<ReturnSnapshot> CreateAsync(Immutable<ReturnDraft> handedOver, Caller caller, IdempotencyTicket ticket)
    {
        var draft = handedOver.Value;
        if (Exists) throw new AlreadyExistsException($"Return '{Key.Id}' already exists.");
        var now = Now;
        var rma = new Return(Key.Id, State);
        var change = rma.Open(draft, now);
        // The service does not look the request id up before this call (RepeatCheck.AtCommit): a repeat is stopped
        // before it books a centre, or by its commit.
        if (rma.Status == ReturnState.Approved) change = change.Then(await RouteAsync(rma, now, () => RequireFirstRunAsync(ticket)));
        var created = new NewEvent(CreatedEvent, JsonSerializer.Serialize(new { To = ReturnState.Requested }, DomainJson.Options), caller.AuditName, now);
        return await CommitAsync(change, ticket, now, created);
    }

    public async Task<ReturnSnapshot> ApproveAsync(string note, Caller caller, IdempotencyTicket ticket)
    {
        var rma = Existing();
        var now = Now;
        var approval = rma.Approve(note, caller.AuditName, now);
        return await CommitAsync(approval.Then(await RouteAsync(rma, now, beforeBooking: null)), ticket, now);
    }

    public async Task<ReturnSnapshot> RerouteAsync(string reason, Caller caller, IdempotencyTicket ticket)
    {
        var rma = Existing();
        rma.RequireReroutable();
        var now = Now;
        var route = await router.AssignAsync(RoutingSubject.Of(Key.TenantId, Key.Id, State), now, beforeBooking: null, CancellationToken.None);
        return await CommitAsync(rma.Reroute(route, reason, caller.AuditName, now), ticket, now);
    }

    public Task<ReturnSnapshot> RejectAsync(string reason, Caller caller, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.Reject(reason, caller.AuditName, now));

    public Task<ReturnSnapshot> CancelAsync(string reason, Caller caller, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.Cancel(reason, caller.AuditName, now));

    public Task<ReturnSnapshot> ConfirmRefundAsync(string paymentReference, Caller caller, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.ConfirmRefund(paymentReference, caller.AuditName, now));

    public Task<ReturnSnapshot> ResolveExceptionAsync(ExceptionResolution resolution, Money? amount, string note, Caller caller,
        IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.ResolveException(resolution, amount, note, caller.AuditName, now));

    /// <summary>Books the customer pickup on a carrier window (see <see cref="PickupBooker"/>); the return awaits it.</summary>
    public async Task<ReturnSnapshot> SchedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket)
    {
        var rma = Existing();
        rma.RequirePickupSchedulable();
        var now = Now;
        var slot = await pickups.BookAsync(Key, State, request, now);
        return await CommitAsync(rma.SchedulePickup(slot, caller.AuditName, now), ticket, now);
    }

    /// <summary>Moves the booked pickup before the cut-off: the new window is booked first, then the old one released.</summary>
    public async Task<ReturnSnapshot> ReschedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket)
    {
        var rma = Existing();
        var now = Now;
        rma.RequireChangeablePickup(now);
        var slot = await pickups.BookAsync(Key, State, request, now);
        return await CommitAsync(rma.ReschedulePickup(slot, caller.AuditName, now), ticket, now);
    }

    public Task<ReturnSnapshot> CancelPickupAsync(Caller caller, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.CancelPickup(caller.AuditName, now));

    public async Task<TrackingResult> ReportTrackingEventAsync(TrackingEvent report, IdempotencyTicket ticket)
    {
        var now = Now;
        var tracked = Existing().ApplyTrackingEvent(report, now);
        if (tracked.IsRepeat) return tracked.Result;
        var result = tracked.Result;
        var recorded = new NewEvent(result.Outcome == TrackingOutcome.Applied ? TrackingAppliedEvent : "TrackingEventIgnored",
            JsonSerializer.Serialize(new { report.CarrierEventId, report.Kind, report.OccurredAt, report.Location, report.Details, result.Explanation }, DomainJson.Options),
            tracked.Actor, now);
        State.UpdatedAt = now;
        await CommitAsync([.. Events(tracked.Entries), recorded], ticket.Record(result, now), ReturnIndex.Of(Key.Id, State));
        return result;
    }

    public Task<ReturnSnapshot> ScanAsync(HandheldScan scan, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.Scan(scan, now));

    public Task<ReturnSnapshot> ReceiveItemsAsync(HandheldScan scan, IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected,
        IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.ReceiveItems(scan, items, unexpected, now));

    public Task<ReturnSnapshot> RecordInspectionAsync(HandheldScan scan, int lineIndex, InspectionGrade grade, string? notes,
        IReadOnlyList<string> photoReferences, IReadOnlyList<MismatchFlag> mismatches, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.RecordInspection(scan, lineIndex, grade, notes, photoReferences, mismatches, now));

    public Task<ReturnSnapshot> SetDispositionAsync(HandheldScan scan, int lineIndex, Disposition disposition, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.SetDisposition(scan, lineIndex, disposition, now));

    public Task<ReturnSnapshot> ReportExceptionAsync(HandheldScan scan, ExceptionKind kind, string? notes, IdempotencyTicket ticket) =>
        ChangeAsync(ticket, (rma, now) => rma.ReportException(scan, kind, notes, now));

    // The timers re-check the return's own state: the scheduler's sweep found it through an index that may be stale.

    public Task<bool> ExpireLabelIfDueAsync() => FireAsync((rma, now) => Task.FromResult(rma.ExpireLabelIfDue(now)));

    public Task<bool> EscalateInspectionIfDueAsync() => FireAsync((rma, now) => Task.FromResult(rma.EscalateInspectionIfDue(now)));

    /// <summary>A missed pickup is rebooked into the next window with room while rebookings are left; otherwise the return is an exception.</summary>
    public Task<bool> HandleMissedPickupIfDueAsync() => FireAsync(async (rma, now) =>
    {
        if (!rma.IsPickupMissedBy(now)) return null;
        var slot = rma.MayRebookPickup ? await pickups.RebookAsync(Key, State, now) : null;
        return rma.HandleMissedPickup(slot, now);
    });

    public Task<bool> HoldsCapacityAtAsync(string centerId, DateOnly day) =>
        Task.FromResult(Exists && new Return(Key.Id, State).HoldsCapacityAt(centerId, day));

    public Task<bool> HoldsPickupInAsync(string windowId) =>
        Task.FromResult(Exists && new Return(Key.Id, State).HoldsPickupIn(windowId));

    public async Task<bool> CountInAnalyticsAsync()
    {
        if (!Exists) return false;
        var missing = ReturnAnalytics.CurrentFacets.Except(State.AnalyticsFacets, StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return false;
        State.AnalyticsFacets.AddRange(missing);
        await CommitAsync([]); // the state's contribution grows by the facets' whole share: the commit adds it to the counters
        return true;
    }

    /// <summary>Routes the approved return, booking the chosen centre's capacity, and lets the aggregate label it there.</summary>
    private async Task<ReturnChange> RouteAsync(Return rma, DateTime now, Func<Task>? beforeBooking) =>
        rma.Route(await router.AssignAsync(RoutingSubject.Of(Key.TenantId, Key.Id, State), now, beforeBooking, CancellationToken.None), now);

    private async Task<ReturnSnapshot> ChangeAsync(IdempotencyTicket ticket, Func<Return, DateTime, ReturnChange> change)
    {
        var rma = Existing();
        var now = Now;
        return await CommitAsync(change(rma, now), ticket, now);
    }

    /// <returns>Whether the timer was due and acted in this turn.</returns>
    private async Task<bool> FireAsync(Func<Return, DateTime, Task<ReturnChange?>> timer)
    {
        var now = Now;
        if (!Exists || await timer(new Return(Key.Id, State), now) is not { } change) return false;
        await CommitAsync(change, null, now);
        return true;
    }

    /// <summary>Gives back what the change let go of on other grains, then commits the record, its entries as events and its index.</summary>
    private async Task<ReturnSnapshot> CommitAsync(ReturnChange change, IdempotencyTicket? ticket, DateTime now, NewEvent? first = null)
    {
        if (change.CapacityToRelease is { } held)
            await router.ReleaseAsync(RoutingSubject.Of(Key.TenantId, Key.Id, State), held, CancellationToken.None);
        if (change.PickupToRelease is { } slot) await pickups.ReleaseAsync(slot, Key);
        State.UpdatedAt = now;
        await CommitRecordingStateAsync(first is null ? Events(change.Entries) : [first, .. Events(change.Entries)],
            state => ticket?.Record(new { Key.TenantId, ReturnId = Key.Id, State = state }, now), // read back as a ReturnSnapshot
            ReturnIndex.Of(Key.Id, State));
        return new ReturnSnapshot(Key.TenantId, Key.Id, State);
    }

    /// <summary>One event per timeline entry; a refund's carries what the customer gets and when, for the merchant's event feed.</summary>
    private List<NewEvent> Events(IEnumerable<TimelineEntry> entries) => [.. entries.Select(e => new NewEvent(e.Trigger.ToString(),
        e.Trigger is ReturnTrigger.IssueRefund or ReturnTrigger.ConfirmRefund or ReturnTrigger.IssueStoreCredit && State.Refund is { } refund
            ? JsonSerializer.Serialize(new { e.From, e.To, e.Details, RefundTotal = refund.Total, State.PaymentReference, FundsExpectedAt = FundsExpectedAt(e) },
                DomainJson.Options)
            : JsonSerializer.Serialize(new { e.From, e.To, e.Details }, DomainJson.Options),
        e.Actor, e.At))];

    private DateTime? FundsExpectedAt(TimelineEntry refund) => refund.Trigger switch
    {
        ReturnTrigger.IssueStoreCredit => refund.At,
        ReturnTrigger.ConfirmRefund when State.Policy.RefundSettlementDays > 0 => refund.At.AddDays(State.Policy.RefundSettlementDays),
        _ => null,
    };

    private Return Existing() =>
        Exists ? new Return(Key.Id, State) : throw new NotFoundException($"Return '{Key.Id}' not found.");
}

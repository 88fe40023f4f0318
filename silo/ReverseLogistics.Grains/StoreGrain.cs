using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Grains.Errors;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains;

/// <summary>
/// A grain whose state lives in the store of record. Its first call loads the record; a turn
/// commits the state, its events, the request's idempotency record and the index rows in one
/// transaction with a version check. Orleans keeps one activation per key, so the check fails only
/// while membership settles after a failure: the grain then reloads and the call fails with
/// <see cref="ConcurrentChangeException"/> (ABORTED, safe to retry) rather than rerunning the call itself,
/// because a rerun could repeat calls the turn already made to other grains.
/// Keep everything a turn changes in <see cref="State"/>: a call that fails after changing it is
/// followed by a reload before the next call. A grain that counts (<see cref="CountersOf"/>) moves its tenant's counters
/// in the same commit by what its state's contribution changed.
/// Results of <see cref="ImmutableAttribute"/> types (snapshots) cross to the caller without a copy, so they
/// may hold <see cref="State"/> itself: once one has been handed out, the next call that may write (one not
/// marked [ReadOnly]) works on a copy, and what the caller holds never changes under it.
/// </summary>
public abstract class StoreGrain<TState> : Grain, IIncomingGrainCallFilter
    where TState : class, new()
{
    private readonly IActorStore store;
    private readonly string actorType;
    private long eventSequence;
    private bool stale = true;
    private bool loadedOnce;
    private bool stateHandedOut;
    private GrainActivity? activity;
    // What the state as last loaded or committed contributes; a call's commit moves the counters from it.
    private Contribution? committedCounters;

    protected StoreGrain(IActorStore store, string actorType, PlatformClock clock)
    {
        (this.store, this.actorType, Clock) = (store, actorType, clock);
    }

    /// <summary>The store of record, for reads beyond the grain's own record.</summary>
    protected IActorStore Store => store;

    /// <summary>The grain's address in the store.</summary>
    protected ActorKey Key { get; private set; }

    /// <summary>Loaded by the activation's first call; <c>new TState()</c> when the grain was never committed.</summary>
    protected TState State { get; private set; } = new();

    /// <summary>The stored version the state was loaded from or last committed as; 0 = never committed.</summary>
    protected long Version { get; private set; }

    protected bool Exists => Version > 0;

    protected PlatformClock Clock { get; }

    /// <summary>The business clock's now, in UTC.</summary>
    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The record is read by the first call (see <see cref="IIncomingGrainCallFilter.Invoke"/>), not here.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenantId, id) = GrainKeys.Parse(this.GetPrimaryKeyString());
        Key = new ActorKey(tenantId, actorType, id);
        activity = ServiceProvider.GetService<GrainActivity>();
        activity?.Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activity?.Deactivated();
        return Task.CompletedTask;
    }

    /// <summary>Runs after activation's load, and after every reload.</summary>
    protected virtual Task OnLoadedAsync() => Task.CompletedTask;

    /// <summary>
    /// What the grain in <paramref name="state"/> adds to its tenant's counters (docs/analytics.md); null, the default,
    /// for grains that count nothing. The grain keeps what its state as loaded or last committed contributes, and a
    /// commit moves the counters by what its new state contributes less that: a pure function of the state.
    /// </summary>
    protected virtual Contribution? CountersOf(TState state) => null;

    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        activity?.Called(actorType);
        try
        {
            if (stale && !loadedOnce && GrainMethods.IsOnFreshKey(context.InterfaceMethod))
            {
                stale = false; // nothing to read: the commit's version check refuses the key if it is taken after all
                loadedOnce = true;
                committedCounters = null;
            }
            else if (stale)
            {
                await LoadAsync(CancellationToken.None);
                await OnLoadedAsync();
            }
            else if (stateHandedOut && !GrainMethods.IsReadOnly(context.InterfaceMethod))
            {
                State = Copy(); // unchanged since it was handed out: only writing calls change it, and they start here
                stateHandedOut = false;
            }
            await context.Invoke();
            if (GrainMethods.CrossesUncopied(context.Result)) stateHandedOut = true;
        }
        catch (Exception e) when (StoreFaults.IsUnavailable(e))
        {
            stale = true;
            // The store's own exception types do not cross to another silo intact; this one does.
            throw new StoreUnavailableException($"The store of record is unavailable ({e.Message}); retry the request.");
        }
        catch
        {
            stale = true; // the call may have changed State before it failed
            throw;
        }
    }

    /// <summary>
    /// Persists <see cref="State"/>, appends <paramref name="events"/> and records <paramref name="idempotency"/>,
    /// all or nothing, if the stored version is still <see cref="Version"/>. Commit once, at the end of the call.
    /// </summary>
    /// <param name="index">The grain's searchable attributes after this call, replacing the stored ones; null leaves them.</param>
    /// <exception cref="ConcurrentChangeException">Another activation committed first.</exception>
    /// <exception cref="DuplicateRequestException">The idempotency record's request id was already used.</exception>
    protected Task CommitAsync(
        IReadOnlyList<NewEvent> events, IdempotencyRecord? idempotency = null, IReadOnlyList<IndexEntry>? index = null) =>
        CommitRecordingStateAsync(events, _ => idempotency, index);

    /// <summary>As <see cref="CommitAsync"/>, with the idempotency record made from the state being committed (serialized once for both).</summary>
    protected async Task CommitRecordingStateAsync(
        IReadOnlyList<NewEvent> events, Func<StateJson, IdempotencyRecord?> recordOfState, IReadOnlyList<IndexEntry>? index)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = JsonSerializer.Serialize(State, DomainJson.Options);
        var idempotency = recordOfState(new StateJson(state));
        var counters = CountersOf(State);
        var deltas = counters is null && committedCounters is null ? null : CounterDeltas.Of(committedCounters, counters);
        var result = await store.CommitAsync(new ActorCommit(Key, Version, eventSequence, state, events, idempotency, index, deltas), CancellationToken.None);
        switch (result.Outcome)
        {
            case CommitOutcome.Committed:
                (Version, eventSequence) = (result.Version, result.EventSequence);
                committedCounters = counters;
                return;
            case CommitOutcome.VersionConflict:
                throw new ConcurrentChangeException($"{Key} was changed by another activation (version {Version} is stale); retry the request.");
            case CommitOutcome.DuplicateRequest when idempotency is not null:
                throw new DuplicateRequestException(idempotency.TenantId, idempotency.RequestId);
            default:
                throw new InvalidOperationException($"The store answered {result.Outcome} to a commit of {Key}.");
        }
    }

    /// <summary>
    /// For a call whose service left the repeat check to the commit: stops a repeat of a request that already ran
    /// (<see cref="DuplicateRequestException"/>, which the service answers with the first result) before the call
    /// acts on another grain.
    /// </summary>
    protected async Task RequireFirstRunAsync(IdempotencyTicket ticket)
    {
        if (await store.FindRequestAsync(ticket.TenantId, ticket.RequestId, CancellationToken.None) is not null)
            throw new DuplicateRequestException(ticket.TenantId, ticket.RequestId);
    }

    /// <summary>An event with its data as JSON, by <paramref name="actor"/> now.</summary>
    protected NewEvent Event(string type, object data, string actor) =>
        new(type, JsonSerializer.Serialize(data, DomainJson.Options), actor, Now);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(Key, cancellationToken);
        State = record is null ? new TState() : Deserialize(record.State);
        Version = record?.Version ?? 0;
        eventSequence = record?.EventSequence ?? 0;
        (stale, stateHandedOut, loadedOnce) = (false, false, true);
        committedCounters = record is null ? null : CountersOf(State);
    }

    // Serialized again rather than kept from the last load or commit: keeping each activation's JSON doubled the
    // memory of an active return (docs/performance.md, "Memory").
    private TState Copy() => Deserialize(JsonSerializer.Serialize(State, DomainJson.Options));

    private TState Deserialize(string json) => JsonSerializer.Deserialize<TState>(json, DomainJson.Options)
        ?? throw new InvalidDataException($"The stored state of {Key} is null.");
}

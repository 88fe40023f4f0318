using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Network;

/// <summary>A fulfilment centre; every commit is published to this silo's <see cref="NetworkSnapshot"/>.</summary>
public sealed class FulfillmentCenterGrain(IActorStore store, PlatformClock clock, NetworkSnapshot snapshot)
    : StoreGrain<FulfillmentCenterState>(store, TypeName, clock), IFulfillmentCenterGrain
{
    public const string TypeName = "fulfillment-center";
    public const string StatusIndex = "status";
    public const string CountryIndex = "country";

    public Task<FulfillmentCenterState> GetAsync() => Task.FromResult(RequireExisting());

    public async Task<FulfillmentCenterState> CreateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Fulfilment centre '{Key.Id}' already exists.");
        State.CreatedAt = Now;
        return await DefineAsync("FulfillmentCenterCreated", center, caller, ticket);
    }

    public Task<FulfillmentCenterState> UpdateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        RequireExisting();
        return DefineAsync("FulfillmentCenterUpdated", center, caller, ticket);
    }

    public async Task<bool> BookAsync(string returnKey, CapacityBooking booking)
    {
        if (!Exists) return false;
        if (State.Bookings.TryGetValue(returnKey, out var existing) && existing.SameLoadAs(booking)) return true;
        var expected = new CenterLoad(State.Bookings).ExpectedUnits(booking.Day, returnKey);
        if (State.Center.Status != CenterStatus.Active || expected >= State.Center.DailyCapacity)
        {
            // The router saw older news (a commit through another silo not yet reloaded): bring this silo up to date.
            snapshot.Apply(Key.Id, Version, State);
            return false;
        }

        // Past days no longer limit anything, and the state is rewritten on every booking: keep it to the days ahead.
        var today = DateOnly.FromDateTime(Now);
        foreach (var past in State.Bookings.Where(b => b.Value.Day < today).Select(b => b.Key).ToList())
            State.Bookings.Remove(past);
        State.Bookings[returnKey] = booking = booking with { BookedAt = Now };
        await CommitAndPublishAsync(Event("CapacityBooked", new { Return = returnKey, booking.Day, booking.Units }, "system:routing"));
        return true;
    }

    public async Task ReleaseAsync(string returnKey)
    {
        if (!State.Bookings.Remove(returnKey, out var booking)) return;
        await CommitAndPublishAsync(Event("CapacityReleased", new { Return = returnKey, booking.Day, booking.Units }, "system:routing"));
    }

    public Task<IReadOnlyList<KeyValuePair<string, CapacityBooking>>> FutureBookingsMadeBeforeAsync(DateTime bookedBefore)
    {
        var today = DateOnly.FromDateTime(Now);
        IReadOnlyList<KeyValuePair<string, CapacityBooking>> bookings =
            [.. State.Bookings.Where(b => b.Value.Day >= today && (b.Value.BookedAt ?? DateTime.MinValue) < bookedBefore)];
        return Task.FromResult(bookings);
    }

    public async Task<bool> ReleaseIfUnchangedAsync(string returnKey, CapacityBooking booking)
    {
        if (!State.Bookings.TryGetValue(returnKey, out var current) || current != booking) return false;
        await ReleaseAsync(returnKey);
        return true;
    }

    private async Task<FulfillmentCenterState> DefineAsync(string eventType, FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        State.Center = center;
        State.Revision++;
        State.UpdatedAt = Now;
        await CommitAndPublishAsync(Event(eventType, center, caller.AuditName), ticket.Record(State, Now));
        return State;
    }

    private async Task CommitAndPublishAsync(NewEvent change, IdempotencyRecord? idempotency = null)
    {
        await CommitAsync([change], idempotency,
            [new IndexEntry(StatusIndex, State.Center.Status.ToString()), new IndexEntry(CountryIndex, State.Center.CountryCode)]);
        snapshot.Apply(Key.Id, Version, State);
    }

    private FulfillmentCenterState RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Fulfilment centre '{Key.Id}' not found.");
}

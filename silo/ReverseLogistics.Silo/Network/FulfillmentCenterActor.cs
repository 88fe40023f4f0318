using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Network;

/// <summary>
/// One fulfilment centre of the 3PL (key: <see cref="TenantIds.Platform"/> + centre id): its definition,
/// and the units of routed returns expected per arrival day, counted against its daily capacity.
/// Every commit is published to the <see cref="NetworkSnapshot"/> of this node.
/// </summary>
public sealed class FulfillmentCenterActor(NetworkSnapshot snapshot) : Actor<FulfillmentCenterState>, IActor
{
    public static string TypeName => "fulfillment-center";

    public const string StatusIndex = "status";
    public const string CountryIndex = "country";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Proto.FulfillmentCenter Get() => ToProto(RequireExisting());

    public async Task<Proto.FulfillmentCenter> CreateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Fulfilment centre '{Key.Id}' already exists.");
        State.CreatedAt = Now;
        return await DefineAsync("FulfillmentCenterCreated", center, caller, ticket);
    }

    public Task<Proto.FulfillmentCenter> UpdateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        RequireExisting();
        return DefineAsync("FulfillmentCenterUpdated", center, caller, ticket);
    }

    /// <summary>
    /// Books a return's units on its arrival day, unless the centre is paused or already full that day.
    /// Booking the same return again replaces its booking (never counts it twice); returns false when refused.
    /// </summary>
    public async Task<bool> BookAsync(string returnKey, CapacityBooking booking)
    {
        if (!Exists) return false;
        if (State.Bookings.TryGetValue(returnKey, out var existing) && existing.SameLoadAs(booking)) return true;
        var expected = new CenterLoad(State.Bookings).ExpectedUnits(booking.Day, returnKey);
        if (State.Center.Status != CenterStatus.Active || expected >= State.Center.DailyCapacity)
        {
            // The router saw older news (a commit on another node not yet reloaded): bring this node up to date.
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

    /// <summary>Frees a return's booking (it was rerouted); nothing to do when it holds none.</summary>
    public async Task ReleaseAsync(string returnKey)
    {
        if (!State.Bookings.Remove(returnKey, out var booking)) return;
        await CommitAndPublishAsync(Event("CapacityReleased", new { Return = returnKey, booking.Day, booking.Units }, "system:routing"));
    }

    /// <summary>The bookings for today or later made before <paramref name="bookedBefore"/> (or at an unrecorded time), by return.</summary>
    public IReadOnlyList<KeyValuePair<string, CapacityBooking>> FutureBookingsMadeBefore(DateTime bookedBefore)
    {
        var today = DateOnly.FromDateTime(Now);
        return State.Bookings.Where(b => b.Value.Day >= today && (b.Value.BookedAt ?? DateTime.MinValue) < bookedBefore).ToList();
    }

    /// <summary>Frees the booking only if it is still exactly <paramref name="booking"/> (not rebooked since it was read). Whether it was freed.</summary>
    public async Task<bool> ReleaseIfUnchangedAsync(string returnKey, CapacityBooking booking)
    {
        if (!State.Bookings.TryGetValue(returnKey, out var current) || current != booking) return false;
        await ReleaseAsync(returnKey);
        return true;
    }

    private async Task<Proto.FulfillmentCenter> DefineAsync(string eventType, FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        State.Center = center;
        State.Revision++;
        State.UpdatedAt = Now;
        var response = ToProto(State);
        await CommitAndPublishAsync(Event(eventType, center, caller.AuditName), ticket.RecordProto(response, Now));
        return response;
    }

    private async Task CommitAndPublishAsync(NewEvent change, IdempotencyRecord? idempotency = null)
    {
        await CommitAsync([change], idempotency,
            [new IndexEntry(StatusIndex, State.Center.Status.ToString()), new IndexEntry(CountryIndex, State.Center.CountryCode)]);
        snapshot.Apply(Key.Id, Version, State);
    }

    private Proto.FulfillmentCenter ToProto(FulfillmentCenterState state) =>
        NetworkMapper.ToProto(state.Center, state.CreatedAt, state.UpdatedAt, new CenterLoad(state.Bookings).From(DateOnly.FromDateTime(Now)));

    private FulfillmentCenterState RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Fulfilment centre '{Key.Id}' not found.");

    private NewEvent Event(string type, object data, string actor) =>
        new(type, JsonSerializer.Serialize(data, DomainJson.Options), actor, Now);
}

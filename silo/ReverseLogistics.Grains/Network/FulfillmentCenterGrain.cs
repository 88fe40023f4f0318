using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Network;

/// <summary>
/// A fulfilment centre. Its definition is its state, and every commit of it is published to this silo's
/// <see cref="NetworkSnapshot"/>. Its bookings are kept in memory (<see cref="CenterBookings"/>): read from the returns'
/// counters on the first booking call, then what it grants and releases, none of which commits. The counters are the
/// truth: a return whose commit failed after booking is never in them, and a later activation forgets the grant.
/// One activation serves the cluster, so bookings are admitted in one place; a new activation after a silo died misses
/// the grants whose returns had not committed yet (a small overbooking, docs/performance.md).
/// </summary>
public sealed class FulfillmentCenterGrain(IActorStore store, PlatformClock clock, NetworkSnapshot snapshot)
    : StoreGrain<FulfillmentCenterState>(store, TypeName, clock), IFulfillmentCenterGrain
{
    public const string TypeName = "fulfillment-center";
    public const string StatusIndex = "status";
    public const string CountryIndex = "country";

    private CenterBookings? bookings;

    private DateOnly Today => DateOnly.FromDateTime(Now);

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

    public async Task<BookingAnswer> BookAsync(string returnKey, CapacityBooking booking, CapacityBooking? held)
    {
        if (!Exists) return new BookingAnswer(false, booking.Day, 0);
        var booked = await BookingsAsync();
        var granted = State.Center.Status == CenterStatus.Active
            && booked.TryBook(returnKey, booking with { BookedAt = Now }, held, State.Center.DailyCapacity, Today);
        return new BookingAnswer(granted, booking.Day, booked.UnitsOn(booking.Day));
    }

    public async Task ReleaseAsync(string returnKey, CapacityBooking held) => (await BookingsAsync()).Release(returnKey, held, Today);

    public Task<IReadOnlyList<KeyValuePair<string, CapacityBooking>>> FutureBookingsMadeBeforeAsync(DateTime bookedBefore) =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, CapacityBooking>>>(bookings?.GrantedBefore(bookedBefore, Today) ?? []);

    public Task<bool> ReleaseIfUnchangedAsync(string returnKey, CapacityBooking booking)
    {
        if (bookings?.Of(returnKey) != booking) return Task.FromResult(false);
        bookings.Release(returnKey, null, Today);
        return Task.FromResult(true);
    }

    private async Task<CenterBookings> BookingsAsync()
    {
        if (bookings is not null) return bookings;
        var today = Today;
        var counted = await CenterBookingCounters.ReadAsync(Store, [Key.Id], today, CancellationToken.None);
        return bookings ??= new CenterBookings(counted.GetValueOrDefault(Key.Id) ?? [], today);
    }

    private async Task<FulfillmentCenterState> DefineAsync(string eventType, FulfillmentCenter center, Caller caller, IdempotencyTicket ticket)
    {
        State.Center = center;
        State.Revision++;
        State.UpdatedAt = Now;
        await CommitAsync([Event(eventType, center, caller.AuditName)], ticket.Record(State, Now),
            [new IndexEntry(StatusIndex, State.Center.Status.ToString()), new IndexEntry(CountryIndex, State.Center.CountryCode)]);
        snapshot.Apply(Key.Id, Version, State);
        return State;
    }

    private FulfillmentCenterState RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Fulfilment centre '{Key.Id}' not found.");
}

using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Network;

/// <summary>
/// One fulfilment centre of the 3PL (key: platform tenant / centre id): its definition, and the units of routed
/// returns expected per arrival day, counted against its daily capacity. Bookings are kept in memory, from the returns'
/// counters when the grain starts and what it granted since; they commit nothing (docs/performance.md).
/// </summary>
public interface IFulfillmentCenterGrain : IGrainWithStringKey
{
    /// <summary>The centre as stored; NOT_FOUND when it was never created.</summary>
    [ReadOnly]
    Task<FulfillmentCenterState> GetAsync();

    Task<FulfillmentCenterState> CreateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket);

    Task<FulfillmentCenterState> UpdateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket);

    /// <summary>
    /// Books a return's units on its arrival day, unless the centre is paused or already full that day. Booking the same
    /// return again replaces its booking (never counts it twice). <paramref name="held"/>: the booking the return's committed
    /// state holds at this centre, if any. The answer carries the day's units after the call, booked or not.
    /// </summary>
    Task<BookingAnswer> BookAsync(string returnKey, CapacityBooking booking, CapacityBooking? held);

    /// <summary>Frees a return's booking (it was rerouted): <paramref name="held"/> is what its committed state holds here.</summary>
    Task ReleaseAsync(string returnKey, CapacityBooking held);

    /// <summary>The bookings granted by this activation for today or later before <paramref name="bookedBefore"/>, by return.</summary>
    [ReadOnly]
    Task<IReadOnlyList<KeyValuePair<string, CapacityBooking>>> FutureBookingsMadeBeforeAsync(DateTime bookedBefore);

    /// <summary>Frees the booking only if it is still exactly <paramref name="booking"/> (not rebooked since it was read). Whether it was freed.</summary>
    Task<bool> ReleaseIfUnchangedAsync(string returnKey, CapacityBooking booking);
}

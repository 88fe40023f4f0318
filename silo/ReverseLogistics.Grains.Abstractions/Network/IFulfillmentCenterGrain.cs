using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Network;

/// <summary>
/// One fulfilment centre of the 3PL (key: platform tenant / centre id): its definition, and the units of
/// routed returns expected per arrival day, counted against its daily capacity.
/// </summary>
public interface IFulfillmentCenterGrain : IGrainWithStringKey
{
    /// <summary>The centre as stored; NOT_FOUND when it was never created.</summary>
    [ReadOnly]
    Task<FulfillmentCenterState> GetAsync();

    Task<FulfillmentCenterState> CreateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket);

    Task<FulfillmentCenterState> UpdateAsync(FulfillmentCenter center, Caller caller, IdempotencyTicket ticket);

    /// <summary>
    /// Books a return's units on its arrival day, unless the centre is paused or already full that day.
    /// Booking the same return again replaces its booking (never counts it twice); false when refused.
    /// </summary>
    Task<bool> BookAsync(string returnKey, CapacityBooking booking);

    /// <summary>Frees a return's booking (it was rerouted); nothing to do when it holds none.</summary>
    Task ReleaseAsync(string returnKey);

    /// <summary>The bookings for today or later made before <paramref name="bookedBefore"/> (or at an unrecorded time), by return.</summary>
    [ReadOnly]
    Task<IReadOnlyList<KeyValuePair<string, CapacityBooking>>> FutureBookingsMadeBeforeAsync(DateTime bookedBefore);

    /// <summary>Frees the booking only if it is still exactly <paramref name="booking"/> (not rebooked since it was read). Whether it was freed.</summary>
    Task<bool> ReleaseIfUnchangedAsync(string returnKey, CapacityBooking booking);
}

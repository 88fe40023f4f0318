using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Pickups;

namespace ReverseLogistics.Grains.Pickups;

/// <summary>
/// One occurrence of a carrier's pickup window (key: platform tenant / <see cref="PickupSlot.WindowId"/>): it enforces
/// the window's capacity, once per return, and at the cut-off becomes the window's manifest, exactly once.
/// </summary>
public interface ICarrierWindowGrain : IGrainWithStringKey
{
    /// <summary>Books the stop unless the window is full or past its cut-off; booking a return again is a no-op. False when refused.</summary>
    Task<bool> BookAsync(PickupSlot slot, ManifestStop stop);

    /// <summary>Frees a return's place; FAILED_PRECONDITION once the manifest is built.</summary>
    Task ReleaseAsync(string tenantId, string returnId);

    /// <summary>Stops booked before <paramref name="bookedBefore"/> (or at an unrecorded time) while the window is still open; none once past its cut-off.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ManifestStop>> OpenStopsBookedBeforeAsync(DateTime bookedBefore);

    /// <summary>Frees the stop only while the window is open and the return was not booked again since <paramref name="stop"/> was read. Whether it was freed.</summary>
    Task<bool> ReleaseIfUnchangedAsync(ManifestStop stop);

    /// <summary>At or after the cut-off: freezes the window as its manifest and records ManifestCreated. Whether this call built it.</summary>
    Task<bool> BuildManifestIfDueAsync();

    /// <summary>The manifest of one occurrence of a pickup schedule, created once. Whether this call built it.</summary>
    Task<bool> BuildScheduledManifestAsync(PickupSchedule schedule, PickupSlot slot);

    /// <summary>The window once it is a manifest; null before.</summary>
    [ReadOnly]
    Task<CarrierWindowState?> ManifestAsync();
}

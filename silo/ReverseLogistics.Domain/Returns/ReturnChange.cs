using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pickups;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// What a transition of a <see cref="Return"/> did besides changing its record: the timeline entries it appended
/// (each is also recorded as an event), and what the return no longer holds elsewhere, for the caller to give back
/// before it commits.
/// </summary>
public sealed record ReturnChange(IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>The carrier window place of a pickup the return gave up (cancelled, moved, or left behind by a cancelled or expired return).</summary>
    public PickupSlot? PickupToRelease { get; init; }

    /// <summary>The receiving capacity the return booked and no longer needs (it was routed elsewhere).</summary>
    public HeldCapacity? CapacityToRelease { get; init; }

    /// <summary>This change followed by <paramref name="next"/> in the same turn.</summary>
    public ReturnChange Then(ReturnChange next) => new([.. Entries, .. next.Entries])
    {
        PickupToRelease = next.PickupToRelease ?? PickupToRelease,
        CapacityToRelease = next.CapacityToRelease ?? CapacityToRelease,
    };
}

using ReverseLogistics.Domain.Pickups;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// What a carrier's tracking event did to a <see cref="Return"/>: the answer kept for its event id, the carrier as
/// the actor, and the timeline entries it appended. A repeat of an event id answered before changes nothing.
/// </summary>
public sealed record TrackingChange(TrackingResult Result, string Actor, IReadOnlyList<TimelineEntry> Entries, bool IsRepeat = false);

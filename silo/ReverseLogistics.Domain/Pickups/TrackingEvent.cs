namespace ReverseLogistics.Domain.Pickups;

/// <summary>One carrier tracking event; <see cref="OccurredAt"/> is the carrier's time (UTC).</summary>
public sealed record TrackingEvent(string CarrierEventId, string CarrierId, TrackingEventKind Kind, DateTime OccurredAt, string? Location, string? Details);

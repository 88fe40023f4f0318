namespace ReverseLogistics.Storage;

/// <summary>
/// An event as stored: <see cref="Sequence"/> numbers it within its stream (1, 2, 3, ... per
/// actor) and <see cref="Position"/> orders it among all events of the store.
/// </summary>
public sealed record StoredEvent(
    string TenantId,
    string StreamType,
    string StreamId,
    long Sequence,
    long Position,
    string Type,
    string Data,
    string Actor,
    DateTime OccurredAt);

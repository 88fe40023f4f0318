namespace ReverseLogistics.Storage;

/// <summary>
/// An event to append to the committing actor's stream. <paramref name="Data"/> is JSON;
/// <paramref name="Actor"/> says who caused it (an API key id, a device, a system rule).
/// </summary>
public sealed record NewEvent(string Type, string Data, string Actor, DateTime OccurredAt);

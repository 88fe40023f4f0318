namespace ReverseLogistics.Storage;

/// <summary>
/// The first result of a mutation, kept so a retry with the same request id gets it again.
/// <see cref="Fingerprint"/> identifies the request (method and body) so a reuse of the id for
/// a different request can be told apart from a retry.
/// </summary>
public sealed record IdempotencyRecord(
    string TenantId,
    string RequestId,
    string Method,
    string Fingerprint,
    byte[] Response,
    DateTime CreatedAt);

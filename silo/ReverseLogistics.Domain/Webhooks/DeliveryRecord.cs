namespace ReverseLogistics.Domain.Webhooks;

/// <summary>One event sent (or being sent) to an endpoint, over all its attempts. <see cref="Number"/> rises per endpoint.</summary>
public sealed record DeliveryRecord(
    long Number,
    long Position,
    string EventType,
    bool Redelivery,
    DeliveryStatus Status,
    int Attempts,
    int? LastResponseCode,
    string? LastError,
    DateTime? FirstAttemptAt,
    DateTime? LastAttemptAt,
    DateTime? NextAttemptAt);

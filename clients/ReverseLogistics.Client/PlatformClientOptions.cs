namespace ReverseLogistics.Client;

/// <summary>How <see cref="PlatformClient"/> reaches the platform and what it applies to every call.</summary>
public sealed record PlatformClientOptions
{
    /// <summary>
    /// The silo: "host:port" (plain HTTP/2, meaning "http://host:port"), or a full "http://" or "https://" URL.
    /// </summary>
    public required string Address { get; init; }

    /// <summary>
    /// Sent with every call as "authorization: Bearer {key}" call credentials. When null, nothing is sent,
    /// and a call may carry its own authorization header in its <see cref="Grpc.Core.CallOptions"/>.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>The deadline given to calls that set none; null leaves such calls without a deadline.</summary>
    public TimeSpan? DefaultDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts per call, the first included, while the platform answers UNAVAILABLE; 1 turns retries off.
    /// The call's deadline bounds all of its attempts together.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;
}

namespace ReverseLogistics.Grpc.Client;

/// <summary>Per-call settings: metadata, a deadline and cancellation.</summary>
public sealed record CallOptions
{
    public Metadata? Headers { get; init; }
    /// <summary>UTC instant after which the call fails DEADLINE_EXCEEDED; sent to the server as grpc-timeout.</summary>
    public DateTime? Deadline { get; init; }
    public CancellationToken CancellationToken { get; init; }
    /// <summary>"gzip" to compress request messages; the server then answers in gzip too.</summary>
    public string? Compression { get; init; }

    public static CallOptions WithTimeout(TimeSpan timeout) => new() { Deadline = DateTime.UtcNow + timeout };
}

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

    /// <summary>
    /// The headers, deadline and cancellation of Grpc.Core call options, so that suites still calling through
    /// this client can share the test helpers already moved to the SDK (which hand out Grpc.Core options).
    /// </summary>
    public static implicit operator CallOptions(global::Grpc.Core.CallOptions options)
    {
        Metadata? headers = null;
        if (options.Headers is { } source)
        {
            headers = new Metadata();
            foreach (var entry in source)
                headers.Add(entry.IsBinary ? Metadata.Entry.Binary(entry.Key, entry.ValueBytes) : Metadata.Entry.Ascii(entry.Key, entry.Value));
        }
        return new() { Headers = headers, Deadline = options.Deadline, CancellationToken = options.CancellationToken };
    }
}

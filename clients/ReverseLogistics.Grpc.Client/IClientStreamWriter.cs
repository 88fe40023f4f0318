namespace ReverseLogistics.Grpc.Client;

/// <summary>Writes the request messages of a client or bidirectional stream.</summary>
public interface IClientStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Ends the request stream (half-close); the server then sees the end of its requests.</summary>
    Task CompleteAsync();
}

namespace ReverseLogistics.Grpc.Server;

/// <summary>Writes the messages of a server stream. Writes are sent and flushed one at a time.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}

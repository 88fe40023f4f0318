using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Client;

/// <summary>
/// A request body written message by message while the call runs: HttpClient hands us the
/// HTTP/2 stream, writes go straight to it, and completing the content half-closes the stream.
/// </summary>
internal sealed class RequestStreamContent<T> : HttpContent, IClientStreamWriter<T> where T : IMessage
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string? _encoding;
    private readonly int _maxMessageSize;
    private readonly CancellationToken _callCancellation;

    public RequestStreamContent(string? encoding, int maxMessageSize, CancellationToken callCancellation)
    {
        _encoding = encoding;
        _maxMessageSize = maxMessageSize;
        _callCancellation = callCancellation;
        Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
    }

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_callCancellation, cancellationToken);
        var stream = await _stream.Task.WaitAsync(linked.Token);
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, message, _encoding, _maxMessageSize);
        await _writeLock.WaitAsync(linked.Token);
        try
        {
            if (_completed.Task.IsCompleted) throw new InvalidOperationException("The request stream is already complete.");
            await stream.WriteAsync(buffer.WrittenMemory, linked.Token);
            await stream.FlushAsync(linked.Token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task CompleteAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            _completed.TrySetResult();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends the body when the call is over, whether or not the caller completed it.</summary>
    public void Abandon() => _completed.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}

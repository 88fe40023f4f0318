using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// One gRPC call over one HTTP/2 stream: reads request messages, writes response messages,
/// enforces the deadline and ends the call with exactly one status. Writes are serialised
/// by a lock so the deadline can end the call while a handler is still writing.
/// </summary>
internal sealed class GrpcCall : IDisposable
{
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly HttpContext _http;
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly string? _responseEncoding;
    private readonly MessageReader _reader;
    private readonly CancellationTokenSource _deadline = new();
    private readonly CancellationTokenSource _cancellation;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private bool _responseStarted;
    private bool _completed;

    public GrpcCall(HttpContext http, ServerMethod method, GrpcServerOptions options, ILogger logger,
        TimeSpan? timeout, string? requestEncoding, Metadata requestHeaders)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _reader = new MessageReader(http.Request.BodyReader, requestEncoding, options.MaxReceiveMessageSize);
        _responseEncoding = ChooseResponseEncoding(options, requestEncoding, http.Request.Headers[GrpcHeaders.AcceptEncoding]);
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _deadline.Token);

        var deadline = DateTime.MaxValue;
        if (timeout is { } t)
        {
            deadline = DateTime.UtcNow + t;
            if (t <= TimeSpan.Zero) _deadline.Cancel();
            else if (t < LongestTimer) _deadline.CancelAfter(t);
        }
        Context = new HttpServerCallContext(this, http, method.Path, requestHeaders, deadline, _cancellation.Token)
        {
            MethodDescriptor = method.Descriptor,
        };
        _deadlineRegistration = _deadline.Token.Register(() => _ = EndAtDeadlineAsync());
    }

    public HttpServerCallContext Context { get; }

    public bool DeadlineExceeded => _deadline.IsCancellationRequested;

    /// <summary>Runs the interceptors and handler, then ends the call with the status they produced.</summary>
    public async Task RunAsync(Func<ServerCallContext, Task> pipeline)
    {
        Status status;
        try
        {
            await pipeline(Context);
            status = DeadlineExceeded ? DeadlineStatus : Status.Ok;
        }
        catch (RpcException e)
        {
            status = e.Status;
            foreach (var entry in e.Trailers) Context.ResponseTrailers.Add(entry);
        }
        catch (Exception) when (DeadlineExceeded)
        {
            status = DeadlineStatus;
        }
        catch (Exception) when (_http.RequestAborted.IsCancellationRequested)
        {
            status = new Status(StatusCode.Cancelled, "The client cancelled the call.");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "gRPC {Method} failed with an unhandled exception", Context.Method);
            status = new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }
        await CompleteAsync(status);
    }

    public async ValueTask<T> ReadSingleAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        var message = await _reader.ReadAsync(parser, Context.CancellationToken)
            ?? throw new RpcException(StatusCode.Internal, "The request stream ended without a request message.");
        if (await _reader.ReadAsync(parser, Context.CancellationToken) is not null)
            throw new RpcException(StatusCode.Internal, "The call takes one request message but the client sent more.");
        return message;
    }

    public async IAsyncEnumerable<T> ReadAllAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        while (await _reader.ReadAsync(parser, Context.CancellationToken) is { } message)
            yield return message;
    }

    public IServerStreamWriter<T> ResponseStream<T>() where T : IMessage => new ResponseStreamWriter<T>(this);

    public async Task WriteAsync(IMessage message, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Context.CancellationToken, cancellationToken);
        await _writeLock.WaitAsync(linked.Token);
        try
        {
            ThrowIfCompleted();
            await StartResponseLockedAsync(null, linked.Token);
            MessageFraming.Write(_http.Response.BodyWriter, message, _responseEncoding, _options.MaxSendMessageSize);
            await _http.Response.BodyWriter.FlushAsync(linked.Token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task StartResponseAsync(Metadata headers)
    {
        await _writeLock.WaitAsync(Context.CancellationToken);
        try
        {
            ThrowIfCompleted();
            if (_responseStarted) throw new InvalidOperationException("Response headers were already sent.");
            await StartResponseLockedAsync(headers, Context.CancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task StartResponseLockedAsync(Metadata? headers, CancellationToken cancellationToken)
    {
        if (_responseStarted) return;
        var response = _http.Response;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = MessageCompression.AcceptEncoding;
        if (_responseEncoding is not null) response.Headers[GrpcHeaders.Encoding] = _responseEncoding;
        foreach (var entry in headers ?? [])
            response.Headers.Append(entry.Key, MetadataCodec.EncodeValue(entry));
        _responseStarted = true;
        await response.StartAsync(cancellationToken);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private void ThrowIfCompleted()
    {
        if (_completed) throw new OperationCanceledException("The call has already ended.", Context.CancellationToken);
    }

    private static Status DeadlineStatus => new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    private async Task EndAtDeadlineAsync()
    {
        try
        {
            await CompleteAsync(DeadlineStatus);
        }
        catch (Exception e)
        {
            _logger.LogDebug(e, "gRPC {Method}: could not send the deadline status", Context.Method);
        }
    }

    private async Task CompleteAsync(Status status)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_completed) return;
            _completed = true;
            if (_http.RequestAborted.IsCancellationRequested) return;
            if (_responseStarted)
            {
                var trailers = _http.Features.GetRequiredFeature<IHttpResponseTrailersFeature>().Trailers;
                StatusHeaders.Write(trailers, status, Context.ResponseTrailers);
                await _http.Response.CompleteAsync();
            }
            else
            {
                await StatusHeaders.WriteTrailersOnlyAsync(_http.Response, status, Context.ResponseTrailers);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            _logger.LogDebug(e, "gRPC {Method}: the client went away before the status was sent", Context.Method);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string? ChooseResponseEncoding(GrpcServerOptions options, string? requestEncoding, string? acceptEncoding) =>
        options.MirrorRequestCompression
        && requestEncoding == MessageCompression.Gzip
        && MessageCompression.Accepts(acceptEncoding, MessageCompression.Gzip)
            ? MessageCompression.Gzip
            : null;

    public void Dispose()
    {
        _deadlineRegistration.Dispose();
        _cancellation.Dispose();
        _deadline.Dispose();
    }

    private sealed class ResponseStreamWriter<T>(GrpcCall call) : IServerStreamWriter<T> where T : IMessage
    {
        public Task WriteAsync(T message, CancellationToken cancellationToken = default) => call.WriteAsync(message, cancellationToken);
    }
}

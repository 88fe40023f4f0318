using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Client;

/// <summary>
/// One call over one HTTP/2 stream, whatever its shape: sends the request, reads response
/// headers, messages and trailers, and turns every failure into an <see cref="RpcException"/>.
/// </summary>
internal sealed class ClientCall<TRequest, TResponse> : ICallState
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cancellation;
    private Task<HttpResponseMessage>? _response;
    private RequestStreamContent<TRequest>? _requestStream;
    private MessageReader? _reader;
    private Status? _status;
    private Metadata? _trailers;
    private bool _cancelledByCaller;

    public ClientCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Deadline is { } deadline)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) _cancellation.Cancel();
            else if (remaining < LongestTimer) _cancellation.CancelAfter(remaining);
        }
    }

    /// <summary>The response headers, once the server has sent them.</summary>
    public async Task<Metadata> GetResponseHeadersAsync()
    {
        try
        {
            return ResponseStatus.ReadMetadata((await _response!).Headers);
        }
        catch (Exception e)
        {
            throw new RpcException(StatusOf(e));
        }
    }

    public IClientStreamWriter<TRequest> RequestStream =>
        _requestStream ?? throw new InvalidOperationException("This call has no request stream.");

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not ended yet.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not ended yet.");

    public void StartWithMessage(TRequest request) =>
        Start(UnaryRequestContent.Create(request, _options.Compression, _channel.Options.MaxSendMessageSize));

    public void StartWithStream()
    {
        _requestStream = new RequestStreamContent<TRequest>(_options.Compression, _channel.Options.MaxSendMessageSize, _cancellation.Token);
        Start(_requestStream);
    }

    /// <summary>Reads the one response message of a unary or client-streaming call.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            var response = await ReadNextAsync();
            if (response is not null && await ReadNextAsync() is not null)
                Fail(new Status(StatusCode.Internal, "The server sent more than one response message."));
            if (response is null)
                Fail(new Status(StatusCode.Internal, "The call ended OK without a response message."));
            return response!;
        }
        finally
        {
            Dispose();
        }
    }

    public async IAsyncEnumerable<TResponse> ReadResponsesAsync()
    {
        try
        {
            while (await ReadNextAsync() is { } response)
                yield return response;
        }
        finally
        {
            Dispose();
        }
    }

    public void Cancel()
    {
        _cancelledByCaller = true;
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call has already ended.
        }
    }

    private void Start(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.TryAddWithoutValidation(GrpcHeaders.UserAgent, GrpcChannel.UserAgent);
        request.Headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, MessageCompression.AcceptEncoding);
        if (_options.Compression is { } compression) request.Headers.TryAddWithoutValidation(GrpcHeaders.Encoding, compression);
        if (_options.Deadline is { } deadline)
            request.Headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(deadline - DateTime.UtcNow));
        foreach (var entry in (_channel.Options.DefaultHeaders ?? []).Concat(_options.Headers ?? []))
            request.Headers.TryAddWithoutValidation(entry.Key, MetadataCodec.EncodeValue(entry));
        _response = _channel.Invoker.SendAsync(request, _cancellation.Token);
    }

    /// <summary>The next response message, or null once the call has ended OK.</summary>
    private async Task<TResponse?> ReadNextAsync()
    {
        if (_status is not null) return null;
        try
        {
            _reader ??= await OpenResponseAsync();
            if (_status is null && await _reader.ReadAsync(_method.ResponseParser, _cancellation.Token) is { } message)
                return message;
            _status ??= ResponseStatus.Read((await _response!).TrailingHeaders)
                ?? new Status(StatusCode.Internal, "The response ended without a grpc-status.");
            _trailers ??= ResponseStatus.ReadMetadata((await _response!).TrailingHeaders);
        }
        catch (RpcException e) when (_status is null)
        {
            _status = e.Status;
        }
        catch (Exception e) when (_status is null)
        {
            _status = StatusOf(e);
        }
        _trailers ??= new Metadata();
        if (_status.Code != StatusCode.OK) throw new RpcException(_status, _trailers);
        return null;
    }

    private async Task<MessageReader> OpenResponseAsync()
    {
        var response = await _response!;
        if (response.StatusCode != HttpStatusCode.OK) Fail(ResponseStatus.FromHttpStatus(response.StatusCode));

        // Trailers-only: the status came in the headers and there is no body.
        if (ResponseStatus.Read(response.Headers) is { } status)
        {
            _status = status;
            _trailers = ResponseStatus.ReadMetadata(response.Headers);
        }
        var encoding = response.Headers.TryGetValues(GrpcHeaders.Encoding, out var values) ? values.FirstOrDefault() : null;
        if (!MessageCompression.IsSupported(encoding))
            Fail(new Status(StatusCode.Internal, $"The server answered in an unsupported encoding '{encoding}'."));
        var stream = await response.Content.ReadAsStreamAsync(_cancellation.Token);
        return new MessageReader(PipeReader.Create(stream), encoding, _channel.Options.MaxReceiveMessageSize);
    }

    private Status StatusOf(Exception exception)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return _cancelledByCaller || _options.CancellationToken.IsCancellationRequested
                ? new Status(StatusCode.Cancelled, "The call was cancelled.")
                : new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        return exception switch
        {
            HttpProtocolException http => new Status(StatusCode.Internal, $"The server reset the stream ({http.ErrorCode}): {http.Message}"),
            HttpRequestException http => new Status(StatusCode.Unavailable, $"Could not reach {_channel.Address}: {http.Message}"),
            IOException io => new Status(StatusCode.Unavailable, $"The connection failed: {io.Message}"),
            _ => new Status(StatusCode.Internal, $"The call failed: {exception.Message}"),
        };
    }

    private static void Fail(Status status) => throw new RpcException(status);

    public void Dispose()
    {
        _requestStream?.Abandon();
        if (_response is { IsCompletedSuccessfully: true }) _response.Result.Dispose();
        _cancellation.Dispose();
    }
}

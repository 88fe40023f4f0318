namespace ReverseLogistics.Grpc.Client;

/// <summary>The parts every call handle shares: headers, status, trailers and cancellation.</summary>
public abstract class CallHandle : IDisposable
{
    private readonly ICallState _state;

    private protected CallHandle(ICallState state) => _state = state;

    /// <summary>The response headers (initial metadata), once the server has sent them.</summary>
    public Task<Metadata> ResponseHeadersAsync => _state.GetResponseHeadersAsync();

    /// <summary>The final status; only after the call has ended.</summary>
    public Status GetStatus() => _state.GetStatus();

    /// <summary>The trailing metadata; only after the call has ended.</summary>
    public Metadata GetTrailers() => _state.GetTrailers();

    /// <summary>Cancels the call: the server's handler sees its cancellation token fire.</summary>
    public void Cancel() => _state.Cancel();

    public void Dispose()
    {
        _state.Dispose();
        GC.SuppressFinalize(this);
    }
}

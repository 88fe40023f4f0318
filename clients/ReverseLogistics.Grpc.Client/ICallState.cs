namespace ReverseLogistics.Grpc.Client;

/// <summary>What every call handle exposes about its call, whatever its message types.</summary>
internal interface ICallState : IDisposable
{
    Task<Metadata> GetResponseHeadersAsync();
    Status GetStatus();
    Metadata GetTrailers();
    void Cancel();
}

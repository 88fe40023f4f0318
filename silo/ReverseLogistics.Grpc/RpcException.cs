namespace ReverseLogistics.Grpc;

/// <summary>
/// Thrown by handlers to end a call with a status, and by the client when a call ends with
/// a status other than OK. <see cref="Trailers"/> holds the trailing metadata the peer sent.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null)
        : base($"Status(StatusCode=\"{status.Code}\", Detail=\"{status.Detail}\")")
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode code, string detail) : this(new Status(code, detail)) { }

    public Status Status { get; }
    public StatusCode StatusCode => Status.Code;
    public Metadata Trailers { get; }
}

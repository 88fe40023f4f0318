using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace ReverseLogistics.Grpc;

/// <summary>
/// The outcome of a call: a code, a human-readable detail, and optional machine-readable
/// details (google.rpc error detail messages such as BadRequest) sent in grpc-status-details-bin.
/// </summary>
public sealed record Status(StatusCode Code, string Detail, IReadOnlyList<IMessage> Details)
{
    public static readonly Status Ok = new(StatusCode.OK, "");

    public Status(StatusCode code, string detail) : this(code, detail, []) { }

    /// <summary>INVALID_ARGUMENT with one BadRequest field violation per (field, description).</summary>
    public static Status InvalidArgument(string detail, params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return new Status(StatusCode.InvalidArgument, detail, [badRequest]);
    }

    /// <summary>The google.rpc.Status carried in grpc-status-details-bin, or null when there are no details.</summary>
    public Google.Rpc.Status? ToRpcStatus()
    {
        if (Details.Count == 0) return null;
        var rpcStatus = new Google.Rpc.Status { Code = (int)Code, Message = Detail };
        foreach (var detail in Details) rpcStatus.Details.Add(Any.Pack(detail));
        return rpcStatus;
    }

    /// <summary>Unpacks the first detail of type <typeparamref name="T"/>, if any.</summary>
    public T? GetDetail<T>() where T : class, IMessage<T>, new() => Details.OfType<T>().FirstOrDefault();

    public override string ToString() => $"Status(StatusCode=\"{Code}\", Detail=\"{Detail}\")";
}

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ReverseLogistics.Silo.Errors;

/// <summary>Statuses with google.rpc details (BadRequest, RetryInfo, ...) in grpc-status-details-bin.</summary>
public static class RichStatus
{
    public static RpcException Error(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT (or <paramref name="code"/>) with one field violation per bad field.</summary>
    public static RpcException InvalidArgument(string message, IEnumerable<(string Field, string Description)> violations,
        StatusCode code = StatusCode.InvalidArgument)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return Error(code, message, badRequest);
    }
}

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ReverseLogistics.Silo.Errors;

/// <summary>
/// Statuses with google.rpc details (BadRequest, RetryInfo, ...) in grpc-status-details-bin. Messages and details are
/// bounded, so a status always fits the trailers HTTP/2 clients accept, whatever the request held.
/// </summary>
public static class RichStatus
{
    public const int MaxMessageLength = 1000;
    public const int MaxViolations = 50;
    public const int MaxDescriptionLength = 300;

    public static RpcException Error(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = Bounded(message, MaxMessageLength) };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT (or <paramref name="code"/>) with one field violation per bad field.</summary>
    public static RpcException InvalidArgument(string message, IEnumerable<(string Field, string Description)> violations,
        StatusCode code = StatusCode.InvalidArgument)
    {
        var badRequest = new BadRequest();
        var all = violations.ToList();
        badRequest.FieldViolations.AddRange(all.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation
        {
            Field = Bounded(v.Field, MaxDescriptionLength), Description = Bounded(v.Description, MaxDescriptionLength),
        }));
        if (all.Count > MaxViolations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "", Description = $"{all.Count - MaxViolations} more not listed" });
        return Error(code, message, badRequest);
    }

    /// <summary>A status without details, its message bounded.</summary>
    public static RpcException Plain(StatusCode code, string message) => new(new Grpc.Core.Status(code, Bounded(message, MaxMessageLength)));

    private static string Bounded(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

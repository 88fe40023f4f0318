using Grpc.Core;

namespace ReverseLogistics.Cli.Errors;

/// <summary>rlctl's exit codes: one per kind of failure a script may want to handle differently (docs/rlctl.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Other = 1;
    public const int Usage = 2;
    public const int Auth = 3;
    public const int NotFound = 4;
    public const int InvalidInput = 5;
    public const int Conflict = 6;
    public const int Unavailable = 7;
    /// <summary>A limit was reached (the rate limit, a full pickup window, a message too large): RESOURCE_EXHAUSTED.</summary>
    public const int LimitReached = 8;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.OK => Ok,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => Auth,
        StatusCode.NotFound => NotFound,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => InvalidInput,
        StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.Aborted => Conflict,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => Unavailable,
        StatusCode.ResourceExhausted => LimitReached,
        _ => Other,
    };
}

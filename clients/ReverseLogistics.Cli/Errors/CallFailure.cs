using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.Cli.Errors;

/// <summary>What a failed call means for the person at the terminal: what happened, what to do, and the exit code.</summary>
public static partial class CallFailure
{
    public static Failure Describe(RpcException e, CliSettings settings)
    {
        var code = e.StatusCode;
        var detail = e.Status.Detail;
        var retryDelay = Detail<RetryInfo>(e)?.RetryDelay?.ToTimeSpan();
        var changeAddress = "Check it is running, or change the address with --address, RL_ADDRESS or `rlctl config set address HOST:PORT`.";
        var (message, hint) = code switch
        {
            StatusCode.Unauthenticated when settings.Key.Value is null =>
                ("no API key is configured.", "Pass --key, set RL_KEY or run `rlctl config set key <key>`."),
            StatusCode.Unauthenticated =>
                ($"the API key from {settings.Key.Source} was refused ({detail}).", "Pass another with --key, RL_KEY or `rlctl config set key <key>`."),
            StatusCode.PermissionDenied => (detail, "Use a key with a role this command allows."),
            StatusCode.Unavailable => ($"cannot reach the platform at {settings.Address.Value} (from {settings.Address.Source}): {detail}", changeAddress),
            StatusCode.DeadlineExceeded => ($"no answer from {settings.Address.Value} (from {settings.Address.Source}) in time: {detail}", changeAddress),
            // The platform answers without a detail: say what it means, since rlctl and the platform are versioned apart.
            StatusCode.Unimplemented => ($"the platform at {settings.Address.Value} does not implement this call{(detail.Length > 0 ? $" ({detail})" : "")}.",
                "It runs an older version than this rlctl: upgrade the platform, or use the rlctl of its version."),
            StatusCode.ResourceExhausted when retryDelay is { } delay => (detail, $"Wait {Failure.Seconds(delay)} and run the command again."),
            _ => (detail, (string?)null),
        };
        var violations = Detail<BadRequest>(e)?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [];
        if (violations.Count > 0) hint = "Fix the fields named in fieldViolations and run the command again.";
        return new Failure(code.ToString(), CanonicalName(code), message, hint, ExitCodes.For(code))
        {
            FieldViolations = violations,
            RetryDelay = retryDelay,
        };
    }

    /// <summary>"InvalidArgument" as gRPC names it: "INVALID_ARGUMENT".</summary>
    public static string CanonicalName(StatusCode code) => code == StatusCode.OK ? "OK" : WordStart().Replace(code.ToString(), "_$1").ToUpperInvariant();

    private static T? Detail<T>(RpcException e) where T : class, Google.Protobuf.IMessage<T>, new()
    {
        try
        {
            return e.GetRpcStatus()?.GetDetail<T>();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null; // details that do not parse: the status line still says what happened
        }
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}

using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.Cli.Errors;

/// <summary>What a failed call means for the person at the terminal: the lines to print and the exit code.</summary>
public static class CallFailure
{
    public static (int ExitCode, IReadOnlyList<string> Lines) Describe(RpcException e, CliSettings settings)
    {
        var code = e.StatusCode;
        var detail = e.Status.Detail;
        string first = code switch
        {
            StatusCode.Unauthenticated when settings.Key.Value is null =>
                "no API key is configured. Pass --key, set RL_KEY or run `rlctl config set key <key>`.",
            StatusCode.Unauthenticated =>
                $"the API key from {settings.Key.Source} was refused ({detail}). Pass another with --key, RL_KEY or `rlctl config set key <key>`.",
            StatusCode.PermissionDenied => $"{detail} Use a key with a role this command allows.",
            StatusCode.Unavailable =>
                $"cannot reach the platform at {settings.Address.Value} (from {settings.Address.Source}): {detail} " +
                "Check it is running, or change the address with --address, RL_ADDRESS or `rlctl config set address HOST:PORT`.",
            StatusCode.DeadlineExceeded =>
                $"no answer from {settings.Address.Value} (from {settings.Address.Source}) in time: {detail} " +
                "Check it is running, or change the address with --address, RL_ADDRESS or `rlctl config set address HOST:PORT`.",
            _ => detail,
        };
        var violations = Violations(e).ToList();
        // The server's message repeats the violations in one line; one per line reads better.
        if (violations.Count > 0) first = "fix these fields and run the command again:";
        var lines = new List<string> { $"{code}: {first}" };
        lines.AddRange(violations.Select(v => $"  {v.Field}: {v.Description}"));
        return (ExitCodes.For(code), lines);
    }

    private static IEnumerable<BadRequest.Types.FieldViolation> Violations(RpcException e)
    {
        try
        {
            return e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [];
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return []; // details that do not parse: the status line still says what happened
        }
    }
}

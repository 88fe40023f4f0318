using System.CommandLine;

namespace ReverseLogistics.LoadGen;

/// <summary>rl-loadgen's command line: create-returns, handheld, schedule-pickups, get-returns and failover.</summary>
public static class LoadGenCommand
{
    public static RootCommand Create() => new("rl-loadgen: end-to-end load on the platform's gRPC API, with a check that nothing was lost or duplicated")
    {
        CreateReturnsCommand.Create(),
        HandheldCommand.Create(),
        SchedulePickupsCommand.Create(),
        GetReturnsCommand.Create(),
        FailoverCommand.Create(),
    };

    public static Option<string> OperatorKey() => new("--operator-key")
    {
        // No default value: help would print the key.
        Description = "The operator key, to create the run's tenant and merchant key (default $RL_OPERATOR_KEY)",
    };

    /// <summary>The operator key, or an error on standard error and null.</summary>
    public static string? RequireOperatorKey(ParseResult result, Option<string> option)
    {
        var key = result.GetValue(option) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("RL_OPERATOR_KEY");
        if (!string.IsNullOrEmpty(key)) return key;
        result.InvocationConfiguration.Error.WriteLine("rl-loadgen: give the operator key with --operator-key or RL_OPERATOR_KEY");
        return null;
    }

    /// <summary>Prints each problem to standard error; true when there were none.</summary>
    public static bool Valid(ParseResult result, params (bool Problem, string Message)[] checks)
    {
        foreach (var (problem, message) in checks)
            if (problem) result.InvocationConfiguration.Error.WriteLine($"rl-loadgen: {message}");
        return !checks.Any(check => check.Problem);
    }
}

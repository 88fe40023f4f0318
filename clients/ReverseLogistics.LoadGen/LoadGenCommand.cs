using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using ReverseLogistics.Client;

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

    /// <summary>Asks the silo's health until it answers SERVING, for at most <paramref name="seconds"/>; the last answer.</summary>
    public static async Task<(bool Serving, string Answer)> WaitServingAsync(string address, double seconds, CancellationToken cancellationToken)
    {
        using var client = new PlatformClient(new PlatformClientOptions { Address = address, MaxAttempts = 1 });
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (true)
        {
            string answer;
            try
            {
                var health = await client.Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
                if (health.Status == HealthCheckResponse.Types.ServingStatus.Serving) return (true, health.Status.ToString());
                answer = health.Status.ToString();
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
            {
                answer = $"{e.StatusCode} ({e.Status.Detail})";
            }
            if (Stopwatch.GetTimestamp() >= until) return (false, answer);
            await Task.Delay(200, cancellationToken);
        }
    }
}

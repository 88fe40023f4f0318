using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Cli.Errors;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.Cli;

/// <summary>rlctl's command tree: health, tenants, keys, network, policy, returns, handheld, events, webhooks, pickups, config, cluster, analytics, sales, demo.</summary>
public static class RlctlCommand
{
    public static RootCommand Create(CliEnvironment? environment = null)
    {
        var root = new RlctlRootCommand(environment ?? CliEnvironment.Process, "rlctl: operate the reverse-logistics platform over its gRPC API.")
        {
            HealthCommand.Create(),
            TenantCommands.Create(),
            KeyCommands.Create(),
            NetworkCommands.Create(),
            PolicyCommands.Create(),
            ReturnCommands.Create(),
            HandheldCommands.Create(),
            EventCommands.Create(),
            WebhookCommands.Create(),
            PickupCommands.Create(),
            ConfigCommands.Create(),
            ClusterCommands.Create(),
            Analytics.AnalyticsCommands.Create(),
            SalesCommands.Create(),
            Demo.DemoCommand.Create(),
        };
        foreach (var option in CliOptions.All) root.Options.Add(option);
        return root;
    }

    /// <summary>Parses and runs a command line: what the rlctl executable does. A command line that does not parse exits 2.</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CliEnvironment? environment = null,
        CancellationToken cancellationToken = default)
    {
        var result = Create(environment).Parse(args);
        if (result.Errors.Count > 0 && CliOptions.WantsJson(result))
        {
            // A script asked for JSON: the parse errors as one document instead of text and the usage.
            Failure.Usage(string.Join(" ", result.Errors.Select(e => e.Message))).WriteTo(configuration?.Error ?? Console.Error, json: true);
            return ExitCodes.Usage;
        }
        var exitCode = await result.InvokeAsync(configuration, cancellationToken);
        return result.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    /// <summary>
    /// Runs a command's calls; a failed call prints what went wrong and what to do (as a JSON document on stderr when
    /// the output is JSON), and exits with its class's code.
    /// </summary>
    public static Action<Command> Runs(Func<Connection, ParseResult, CancellationToken, Task> run) => command =>
        command.SetAction((result, cancellationToken) => Guarded(result, async () =>
        {
            var settings = CliOptions.Settings(result);
            using var connection = Connection.From(result, settings);
            try
            {
                await run(connection, result, cancellationToken);
                return ExitCodes.Ok;
            }
            catch (CommandExit e)
            {
                return e.ExitCode;
            }
            catch (RpcException e)
            {
                var failure = CallFailure.Describe(e, settings);
                failure.WriteTo(result.InvocationConfiguration.Error, connection.Output.IsJson);
                return failure.ExitCode;
            }
        }));

    /// <summary>Runs <paramref name="run"/>; a mistake in the command line or the settings prints its message and exits 2.</summary>
    public static async Task<int> Guarded(ParseResult result, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (CliUsageException e)
        {
            Failure.Usage(e.Message).WriteTo(result.InvocationConfiguration.Error, CliOptions.WantsJson(result));
            return ExitCodes.Usage;
        }
    }

    /// <summary>Every mutation carries a request id; pass the same one again to retry safely.</summary>
    public static Option<string> RequestId() => new("--request-id")
    {
        Description = "Idempotency key for this mutation (a new one when absent; reuse it to retry safely)",
        DefaultValueFactory = _ => Guid.NewGuid().ToString("N"),
    };
}

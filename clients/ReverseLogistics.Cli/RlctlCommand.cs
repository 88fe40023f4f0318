using System.CommandLine;
using Google.Rpc;
using Grpc.Core;

namespace ReverseLogistics.Cli;

/// <summary>rlctl's command tree: health, tenants, keys, network, returns, pickups.</summary>
public static class RlctlCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("rlctl: operate the reverse-logistics platform over its gRPC API.")
        {
            Connection.Address, Connection.Key, Connection.Json,
            HealthCommand.Create(),
            TenantCommands.Create(),
            KeyCommands.Create(),
            NetworkCommands.Create(),
            ReturnCommands.Create(),
            PickupCommands.Create(),
        };
        return root;
    }

    /// <summary>Runs a command's calls; a failed call prints its status and field violations and exits 1.</summary>
    public static Action<Command> Runs(Func<Connection, ParseResult, CancellationToken, Task> run) => command =>
        command.SetAction(async (result, cancellationToken) =>
        {
            using var connection = Connection.From(result);
            try
            {
                await run(connection, result, cancellationToken);
                return 0;
            }
            catch (RpcException e)
            {
                var error = result.InvocationConfiguration.Error;
                var violations = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [];
                await error.WriteLineAsync(violations.Count == 0 ? $"{e.StatusCode}: {e.Status.Detail}" : $"{e.StatusCode}:");
                foreach (var violation in violations)
                    await error.WriteLineAsync($"  {violation.Field}: {violation.Description}");
                return 1;
            }
        });

    /// <summary>Every mutation carries a request id; pass the same one again to retry safely.</summary>
    public static Option<string> RequestId() => new("--request-id")
    {
        Description = "Idempotency key for this mutation (a new one when absent; reuse it to retry safely)",
        DefaultValueFactory = _ => Guid.NewGuid().ToString("N"),
    };
}

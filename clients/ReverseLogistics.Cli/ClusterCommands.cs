using System.CommandLine;
using System.Globalization;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl cluster: the platform's silos as its Orleans membership sees them (the operator's key).</summary>
public static class ClusterCommands
{
    public static Command Create() => new("cluster", "The platform's cluster: its silos and its store (operator key)") { StatusCommand() };

    private static Command StatusCommand()
    {
        var command = new Command("status", "Every silo of the cluster with its status, start and last heartbeat, and the store behind it");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
        {
            var status = await connection.Client.Cluster.GetClusterStatusAsync(new GetClusterStatusRequest(), connection.Call(cancellationToken));
            connection.Output.List(status, status.Silos,
                ("silo", s => s.Address + (s.Answering ? " *" : "")), ("name", s => s.Name), ("host", s => s.HostName),
                ("status", s => Choices.Kebab(s.Status.ToString())), ("started (UTC)", s => Times.Format(s.StartTime)),
                ("last alive (UTC)", s => Times.Format(s.IAmAliveTime)), ("activations", s => s.Activations.ToString(CultureInfo.InvariantCulture)));
            var mode = status.Store == ClusterStore.Postgres ? "cluster mode: PostgreSQL, membership in it" : "embedded: SQLite, a cluster of one";
            connection.Output.Line($"Cluster {status.ClusterId}, {mode}; {status.Silos.Count(s => s.Status == ClusterSiloStatus.Active)} of " +
                $"{status.Silos.Count} silo(s) active; * answered: {status.AnsweringSilo}");
        })(command);
        return command;
    }
}

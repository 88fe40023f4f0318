using ReverseLogistics.Actors;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Silo.Observability;

/// <summary>Everything the silo exposes at /metrics, read at scrape time.</summary>
public sealed class PlatformMetrics(GrpcCallMetrics grpc, ActorRuntime actors, IActorStore store)
{
    public string Render()
    {
        var text = new PrometheusText();
        grpc.WriteTo(text);

        text.Family("rl_actor_activations", "gauge", "Actors active (loaded in memory) on this node.");
        text.Sample("rl_actor_activations", actors.ActivationCount);
        text.Family("rl_actor_turns_total", "counter", "Actor messages handled (one turn each), by actor type.");
        foreach (var (type, turns) in actors.TurnsByType.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            text.Sample("rl_actor_turns_total", turns, ("type", type));

        if (store is SqlActorStore sql)
        {
            text.Family("rl_store_commits_total", "counter", "Actor commits written through the group-commit queue.");
            text.Sample("rl_store_commits_total", sql.CommitsWritten);
            text.Family("rl_store_commit_batches_total", "counter", "Group-commit batches written, one transaction each.");
            text.Sample("rl_store_commit_batches_total", sql.TransactionsCommitted);
        }
        return text.ToString();
    }
}

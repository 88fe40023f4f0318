using System.Diagnostics.Metrics;
using ReverseLogistics.Grains;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Silo.Observability;

/// <summary>The grains' and the store's figures, read when the metrics are collected.</summary>
public sealed class PlatformMetrics
{
    public PlatformMetrics(IMeterFactory meters, GrainActivity grains, IActorStore store)
    {
        var meter = meters.Create(PlatformTelemetry.MeterName);
        meter.CreateObservableGauge("rl.actor.activations", () => grains.Activations, "{actor}",
            "Grains active (loaded in memory) on this node.");
        meter.CreateObservableCounter("rl.actor.turns",
            () => grains.CallsByType.Select(entry => new Measurement<long>(entry.Value, new KeyValuePair<string, object?>("type", entry.Key))),
            "{turn}", "Grain calls handled (one turn each), by grain type.");
        if (store is not SqlActorStore sql) return;
        meter.CreateObservableCounter("rl.store.commits", () => sql.CommitsWritten, "{commit}",
            "Actor commits written through the group-commit queue.");
        meter.CreateObservableCounter("rl.store.commit_batches", () => sql.TransactionsCommitted, "{transaction}",
            "Group-commit batches written, one transaction each.");
    }
}

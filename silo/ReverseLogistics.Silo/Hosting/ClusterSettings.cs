namespace ReverseLogistics.Silo.Hosting;

/// <summary>How this node joins the Orleans cluster: embedded, a cluster of one on loopback; cluster mode, membership in PostgreSQL.</summary>
public sealed record ClusterSettings
{
    /// <summary>Silo-to-silo port. 0 picks a free one, the embedded default (no other node connects); cluster nodes need a fixed one.</summary>
    public int? SiloPort { get; init; }
    /// <summary>Nodes with the same cluster id on one database form one cluster.</summary>
    public string ClusterId { get; init; } = "reverse-logistics";
    /// <summary>How long a probe of another silo may take before it counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Missed probes in a row before a silo suspects another is dead.</summary>
    public int MissedProbesLimit { get; init; } = 3;
    /// <summary>Suspicions needed to declare a silo dead: 1 suits two nodes; use 2 from three nodes up.</summary>
    public int VotesForDeath { get; init; } = 1;

    /// <summary>The silo port to use: the configured one, or 11111 in cluster mode and a free one embedded.</summary>
    public int SiloPortFor(StoreKind store) => SiloPort ?? (store == StoreKind.Postgres ? 11111 : 0);
}

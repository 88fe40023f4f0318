namespace ReverseLogistics.FunctionalTests.Observability;

/// <summary>
/// Tests that read the process-wide meters (the /metrics scrape, the SDK's retry counters): run alone, so no
/// other test's calls move the figures they compare.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

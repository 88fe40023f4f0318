using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>The embedded node: Quartz in its own SQLite file under the data directory, not clustered.</summary>
public sealed class SqliteSchedulerTests : SchedulerTests
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("rl-scheduling-sqlite-").FullName;

    protected override string? SkipReason => null;

    protected override bool IsClustered => false;

    // Every start of a test shares one data directory: a restart finds what the last start stored.
    protected override SiloOptions StoreOptions(string nodeDirectory) => new() { DataDirectory = dataDirectory };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}

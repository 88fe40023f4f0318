using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Silo nodes in cluster mode on one PostgreSQL database, each with a data directory of its own; all deleted afterwards.</summary>
public sealed class PostgresNodes(string? connectionString, string operatorKey) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rl-nodes-").FullName;

    public Task<InProcessSilo> StartAsync(string name) => InProcessSilo.StartAsync(new SiloOptions
    {
        DataDirectory = Path.Combine(_directory, name),
        Store = StoreKind.Postgres,
        PostgresConnectionString = connectionString,
        OperatorKey = operatorKey,
    });

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

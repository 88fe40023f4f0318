using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>An in-process silo in cluster mode on a PostgreSQL database and a data directory of its own, both removed afterwards.</summary>
public sealed class PostgresSilo : IAsyncDisposable
{
    private readonly PostgresDatabase database = new();
    private readonly string directory = Directory.CreateTempSubdirectory("rl-postgres-silo-").FullName;

    /// <summary>Why such a silo cannot start here (RL_TEST_POSTGRES is not set), or null.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(PostgresDatabase.Variable) is { Length: > 0 } ? null : PostgresDatabase.SkipReason;

    public async Task<InProcessSilo> StartAsync(SiloOptions options)
    {
        await database.InitializeAsync();
        return await InProcessSilo.StartAsync(options with
        {
            DataDirectory = directory, Store = StoreKind.Postgres, PostgresConnectionString = database.ConnectionString,
        });
    }

    /// <summary>After the silo is disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}

using Npgsql;

namespace ReverseLogistics.FunctionalTests.Storage;

/// <summary>
/// Fresh PostgreSQL databases for one test class, on the server that RL_TEST_POSTGRES names
/// (its Database is used only as a name prefix); all are dropped afterwards. Without the
/// variable there is no database and the tests skip.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "RL_TEST_POSTGRES";

    public const string SkipReason = $"{Variable} is not set, so the PostgreSQL store tests did not run " +
        "(start a server with deploy/local/postgres.sh start, then eval \"$(deploy/local/postgres.sh env)\")";

    private static readonly string? Server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private readonly List<string> created = [];

    /// <summary>This class's database, or null when <see cref="Variable"/> is not set.</summary>
    public string? ConnectionString { get; private set; }

    public async Task InitializeAsync()
    {
        if (Server is not null) ConnectionString = await CreateDatabaseAsync();
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(Server);
        var name = $"{server.Database ?? "rl_test"}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {Quote(name)}");
        created.Add(name);
        server.Database = name;
        return server.ToString();
    }

    public async Task DisposeAsync()
    {
        foreach (var name in created) await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)");
    }

    // Database names cannot be parameters; this one is ours, quoted as an identifier.
    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    private static async Task ExecuteAsync(string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Storage.Sqlite;

/// <summary>
/// The embedded node's scheduler database: Quartz's job store in its own SQLite file beside the
/// store of record, so Quartz's transactions never wait for the actor store's single writer, nor
/// it for them. Its schema comes from its own migrations (Migrations/SqliteScheduler).
/// </summary>
public static class SqliteSchedulerDatabase
{
    public const string FileName = "scheduler.db";
    private const string Dialect = "SqliteScheduler";

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>WAL lets Quartz's reads run beside its writes; a busy file is waited for, not failed on.</summary>
    public static string ConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = PathIn(dataDirectory), DefaultTimeout = 30 }.ToString();

    /// <summary>Creates the file when missing, puts it in WAL mode and applies the migrations it lacks.</summary>
    public static async Task MigrateAsync(string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetFullPath(dataDirectory));
        var connectionString = new SqliteConnectionStringBuilder(ConnectionString(dataDirectory)) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL";
            if (await pragma.ExecuteScalarAsync(cancellationToken) as string != "wal")
                throw new InvalidOperationException($"SQLite could not put {PathIn(dataDirectory)} in WAL mode.");
        }
        // BEGIN IMMEDIATE: another process migrating the same file waits for this one.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await MigrationRunner.ApplyAsync(transaction, Dialect, SqliteActorStore.CreateHistorySql, SqliteTimestamps.Instance, logger, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

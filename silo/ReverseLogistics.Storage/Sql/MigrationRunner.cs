using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ReverseLogistics.Storage.Sql;

/// <summary>
/// Applies, in version order, the dialect's migrations that <c>schema_migrations</c> does not
/// record yet, all inside the caller's transaction, which must already keep other migrators
/// out (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock taken by <c>createHistorySql</c>).
/// </summary>
internal static class MigrationRunner
{
    /// <returns>How many migrations were applied.</returns>
    public static async Task<int> ApplyAsync(
        DbTransaction transaction, string dialect, string createHistorySql, ISqlTimestamps timestamps, ILogger logger, CancellationToken cancellationToken)
    {
        await using (var create = transaction.Command(createHistorySql))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var select = transaction.Command("SELECT version FROM schema_migrations"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
        }

        var count = 0;
        foreach (var migration in Migration.For(dialect).Where(migration => !applied.Contains(migration.Version)))
        {
            await using (var script = transaction.Command(migration.Sql))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = transaction.Command(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)",
                ("version", migration.Version), ("name", migration.Name), ("applied_at", timestamps.ToParameter(DateTime.UtcNow))))
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            logger.LogInformation("Applied {Dialect} migration {Version} {Name}", dialect, migration.Version, migration.Name);
            count++;
        }
        return count;
    }
}

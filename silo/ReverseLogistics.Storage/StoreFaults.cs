using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReverseLogistics.Storage;

/// <summary>
/// The store's failures that a retry may cure: PostgreSQL unreachable, restarting or out of connections,
/// a serialization failure, SQLite busy, locked, out of disk or unable to read or write its file. Callers
/// answer them UNAVAILABLE; any other failure of the store is a fault of ours.
/// </summary>
public static class StoreFaults
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources: too many connections, disk full
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) // shutting down, cannot connect now
            || postgres.SqlState is "40001" or "40P01", // serialization failure, deadlock
        NpgsqlException => true, // no answer from the server at all: refused, reset, timed out
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}

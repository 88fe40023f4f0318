using Microsoft.Data.Sqlite;

namespace ReverseLogistics.Storage.Sqlite;

/// <summary>
/// The writer's statements, each compiled once and reused, so a commit binds and steps them instead of parsing its
/// SQL again (compiling was a tenth of the writer's time per CreateReturn: docs/performance.md). Only the one writer
/// connection uses it, under the writer's lock.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    /// <returns>The number of rows the statement changed.</returns>
    public int Execute(SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bind(transaction, sql, parameters).ExecuteNonQuery();

    /// <returns>Each row the query returned, as <paramref name="row"/> reads it.</returns>
    public List<T> Read<T>(SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> row, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var reader = Bind(transaction, sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    private SqliteCommand Bind(SqliteTransaction transaction, string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            commands.Add(sql, command);
        }
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
    }
}

using System.Data.Common;
using System.Globalization;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Storage.Sqlite;

/// <summary>
/// SQLite has no timestamp type: instants are stored as UTC text of one fixed width, so text
/// comparison (purging by created_at) orders them correctly. Microseconds, like PostgreSQL.
/// </summary>
internal sealed class SqliteTimestamps : ISqlTimestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static SqliteTimestamps Instance { get; } = new();

    public object ToParameter(DateTime utc) => utc.ToString(Format, CultureInfo.InvariantCulture);

    public DateTime Read(DbDataReader reader, int ordinal) =>
        DateTime.ParseExact(reader.GetString(ordinal), Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

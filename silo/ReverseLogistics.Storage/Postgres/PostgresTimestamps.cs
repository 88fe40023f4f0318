using System.Data.Common;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Storage.Postgres;

/// <summary>timestamptz: Npgsql writes UTC <see cref="DateTime"/>s as they are and reads them back as UTC.</summary>
internal sealed class PostgresTimestamps : ISqlTimestamps
{
    public static PostgresTimestamps Instance { get; } = new();

    public object ToParameter(DateTime utc) => utc;

    public DateTime Read(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTime>(ordinal);
}

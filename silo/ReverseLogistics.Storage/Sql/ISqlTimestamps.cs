using System.Data.Common;

namespace ReverseLogistics.Storage.Sql;

/// <summary>How a dialect stores UTC timestamps, to microsecond precision.</summary>
internal interface ISqlTimestamps
{
    object ToParameter(DateTime utc);

    /// <summary>The stored instant, with <see cref="DateTimeKind.Utc"/>.</summary>
    DateTime Read(DbDataReader reader, int ordinal);
}

using Npgsql;
using NpgsqlTypes;
using ReverseLogistics.Storage.GroupCommit;

namespace ReverseLogistics.Storage.Postgres;

/// <summary>
/// A batch's counter deltas, summed per counter (<see cref="CounterSum"/>), as one upsert. It runs after every commit
/// statement of the batch, once their outcomes are known, so only the written commits count. Rows are locked in key
/// order, and a batch takes no other lock after them: two nodes moving the same counters wait for each other's COMMIT
/// but never deadlock, and the counters' row locks are held only from here to COMMIT.
/// </summary>
internal static class CounterStatement
{
    internal const string Sql = """
        INSERT INTO counters (tenant_id, name, key, value)
        SELECT c.tenant_id, c.name, c.key, c.delta
        FROM unnest(@tenant_ids::text[], @names::text[], @keys::text[], @deltas::bigint[]) AS c(tenant_id, name, key, delta)
        ORDER BY c.tenant_id COLLATE "C", c.name COLLATE "C", c.key COLLATE "C"
        ON CONFLICT (tenant_id, name, key) DO UPDATE SET value = counters.value + excluded.value
        """;

    /// <returns>Null when the written commits move no counter.</returns>
    public static NpgsqlBatchCommand? For(IEnumerable<ActorCommit> written)
    {
        var sums = CounterSum.Of(written);
        if (sums.Count == 0) return null;
        return new NpgsqlBatchCommand(Sql)
        {
            Parameters =
            {
                new("tenant_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sums.Select(s => s.TenantId).ToArray() },
                new("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sums.Select(s => s.Name).ToArray() },
                new("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sums.Select(s => s.Key).ToArray() },
                new("deltas", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = sums.Select(s => s.Delta).ToArray() },
            },
        };
    }
}

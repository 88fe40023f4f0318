using System.Data.Common;
using System.Text;

namespace ReverseLogistics.Storage.Sql;

/// <summary>
/// The reads of <see cref="IActorStore"/>, in SQL that SQLite and PostgreSQL both accept, so the
/// two stores answer them identically. Each store supplies its connections and timestamp mapping.
/// </summary>
internal sealed class ActorQueries(Func<CancellationToken, ValueTask<DbConnection>> openConnection, ISqlTimestamps timestamps)
{
    private const string EventColumns = "tenant_id, stream_type, stream_id, sequence, position, event_type, data, actor, occurred_at";

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<ActorRecord?> ReadAsync(ActorKey key, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(key);
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(
            "SELECT version, state, event_sequence FROM actor_state WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id",
            ("tenant_id", key.TenantId), ("actor_type", key.ActorType), ("actor_id", key.Id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ActorRecord(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    public async Task<IReadOnlyList<(ActorKey Key, ActorRecord Record)>> ListAsync(
        string actorType, string? tenantId, ActorKey? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actorType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = new StringBuilder("SELECT tenant_id, actor_id, version, state, event_sequence FROM actor_state WHERE actor_type = @actor_type");
        var parameters = new List<(string, object?)> { ("actor_type", actorType), ("limit", limit) };
        if (tenantId is not null)
        {
            sql.Append(" AND tenant_id = @tenant_id");
            parameters.Add(("tenant_id", tenantId));
        }
        if (after is { } start)
        {
            sql.Append(" AND (tenant_id, actor_id) > (@after_tenant_id, @after_actor_id)");
            parameters.Add(("after_tenant_id", start.TenantId));
            parameters.Add(("after_actor_id", start.Id));
        }
        sql.Append(" ORDER BY tenant_id, actor_id LIMIT @limit");

        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actors = new List<(ActorKey, ActorRecord)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actors.Add((new ActorKey(reader.GetString(0), actorType, reader.GetString(1)),
                new ActorRecord(reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4))));
        }
        return actors;
    }

    public async Task<IReadOnlyList<ActorKey>> FindAsync(IndexQuery query, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(query);
        var (from, parameters) = IndexFilter.FromWhere(query);
        var sql = new StringBuilder("SELECT DISTINCT d.actor_id ").Append(from);
        if (query.AfterId is not null)
        {
            sql.Append(query.Descending ? " AND d.actor_id < @after_id" : " AND d.actor_id > @after_id");
            parameters.Add(("after_id", query.AfterId));
        }
        sql.Append(query.Descending ? " ORDER BY d.actor_id DESC LIMIT @limit" : " ORDER BY d.actor_id LIMIT @limit");
        parameters.Add(("limit", query.Limit));

        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ActorKey>();
        while (await reader.ReadAsync(cancellationToken)) keys.Add(new ActorKey(query.TenantId, query.ActorType, reader.GetString(0)));
        return keys;
    }

    public async Task<IReadOnlyList<ActorKey>> FindAcrossTenantsAsync(string actorType, string name, string value, int limit, CancellationToken cancellationToken)
    {
        StoreArguments.ValidateLookup(actorType, name, value, limit);
        if (!CrossTenantIndex.Names.Contains(name))
            throw new ArgumentException($"Only the entries {string.Join(", ", CrossTenantIndex.Names)} are searched across tenants.", nameof(name));
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(FindAcrossTenantsSql(name),
            ("actor_type", actorType), ("value", value), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ActorKey>();
        while (await reader.ReadAsync(cancellationToken)) keys.Add(new ActorKey(reader.GetString(0), actorType, reader.GetString(1)));
        return keys;
    }

    /// <summary>
    /// The name is a literal, and the query repeats the partial index's own condition word for word: SQLite uses a
    /// partial index only when the query states its condition (it does not infer <c>name IN (...)</c> from
    /// <c>name = 'tracking'</c>), and without it the lookup scanned the whole index.
    /// </summary>
    internal static string FindAcrossTenantsSql(string name) =>
        $"SELECT tenant_id, actor_id FROM actor_index WHERE actor_type = @actor_type AND name = '{name}' AND {CrossTenantIndex.Condition}" +
        " AND value = @value ORDER BY tenant_id, actor_id LIMIT @limit";

    public async Task<IReadOnlyList<DueActor>> FindDueAsync(
        string actorType, string kind, DateTime upTo, DueActor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actorType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // The name is a literal, not a parameter: that is what lets SQLite use the partial index.
        var sql = new StringBuilder($"SELECT tenant_id, actor_id, value FROM actor_index WHERE name = '{DueIndex.Name}'")
            .Append(" AND actor_type = @actor_type AND value >= @from AND value <= @to");
        var parameters = new List<(string, object?)>
        {
            ("actor_type", actorType), ("from", DueIndex.Prefix(kind)), ("to", DueIndex.Value(kind, upTo)), ("limit", limit),
        };
        if (after is not null)
        {
            sql.Append(" AND (value, tenant_id, actor_id) > (@after_value, @after_tenant_id, @after_actor_id)");
            parameters.Add(("after_value", DueIndex.Value(kind, after.DueAt)));
            parameters.Add(("after_tenant_id", after.Key.TenantId));
            parameters.Add(("after_actor_id", after.Key.Id));
        }
        sql.Append(" ORDER BY value, tenant_id, actor_id LIMIT @limit");

        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueActor>();
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new DueActor(new ActorKey(reader.GetString(0), actorType, reader.GetString(1)), DueIndex.DueAt(reader.GetString(2))));
        return due;
    }

    /// <summary>
    /// Each range is a query of its own, the ranges' queries a UNION ALL: each arm is one index range search (of the
    /// primary key within a tenant, of ix_counters_across_tenants across them), which both databases plan as such even
    /// generically. ORed ranges made SQLite scan every key of the name and test each against all ranges (1.8 s for one
    /// SKU's year among 2,000 SKUs); a join of the ranges to the counters made PostgreSQL's generic plan do the same
    /// (108 ms for four months of one SKU among 5,000). Overlapping ranges would read a counter twice, so they are refused.
    /// </summary>
    public async Task<IReadOnlyList<CounterValue>> ReadCountersAsync(CounterQuery query, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(query);
        var (sql, parameters) = ReadCountersSql(query);
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counters = new List<CounterValue>();
        // Of one tenant, its id is known: not decoding it again for every counter is a tenth of a large read.
        while (await reader.ReadAsync(cancellationToken)) counters.Add(new CounterValue(query.TenantId ?? reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return counters;
    }

    internal static (string Sql, List<(string Name, object? Value)> Parameters) ReadCountersSql(CounterQuery query)
    {
        var parameters = new List<(string Name, object? Value)> { ("name", query.Name), ("limit", query.Limit) };
        var filter = new StringBuilder("name = @name");
        if (query.TenantId is not null)
        {
            filter.Append(" AND tenant_id = @tenant_id");
            parameters.Add(("tenant_id", query.TenantId));
        }
        else filter.Append(" AND ").Append(TenantOnlyCounters.Condition); // the partial index's own condition, which lets both databases use it
        if (query.AfterKey is not null)
        {
            filter.Append(query.AfterTenantId is null ? " AND key > @after_key" : " AND (key, tenant_id) > (@after_key, @after_tenant_id)");
            parameters.Add(("after_key", query.AfterKey));
            if (query.AfterTenantId is not null) parameters.Add(("after_tenant_id", query.AfterTenantId));
        }
        var order = query.TenantId is null ? " ORDER BY key, tenant_id LIMIT @limit" : " ORDER BY key LIMIT @limit";
        if (query.Ranges.Count > 1 && query.Ranges.All(range => range.IsOneKey))
        {
            // Exact keys only (one group's days): one list, which both databases search key by key in the index, in key order.
            var keys = new List<string>();
            for (var i = 0; i < query.Ranges.Count; i++)
            {
                keys.Add($"@key_{i}");
                parameters.Add(($"key_{i}", query.Ranges[i].From));
            }
            return ($"SELECT tenant_id, key, value FROM counters WHERE {filter} AND key IN ({string.Join(", ", keys)}){order}", parameters);
        }
        var arms = new List<string>();
        for (var i = 0; i < query.Ranges.Count; i++)
        {
            arms.Add($"SELECT tenant_id, key, value FROM counters WHERE {filter} AND key >= @from_{i} AND key < @to_{i}");
            parameters.Add(($"from_{i}", query.Ranges[i].From));
            parameters.Add(($"to_{i}", query.Ranges[i].To));
        }
        // One range: the index serves the order as well, so a page is read without sorting every counter after it.
        var sql = arms.Count == 1 ? arms[0] + order : $"SELECT tenant_id, key, value FROM ({string.Join(" UNION ALL ", arms)}) AS found{order}";
        return (sql, parameters);
    }

    public async Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(query);
        var (from, parameters) = IndexFilter.FromWhere(query);
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command($"SELECT count(DISTINCT d.actor_id) {from}", [.. parameters]);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(ActorKey stream, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(stream);
        return ReadEventsAsync(
            $"SELECT {EventColumns} FROM events WHERE tenant_id = @tenant_id AND stream_type = @stream_type AND stream_id = @stream_id" +
            " AND sequence > @after ORDER BY sequence LIMIT @limit",
            limit, cancellationToken,
            ("tenant_id", stream.TenantId), ("stream_type", stream.ActorType), ("stream_id", stream.Id), ("after", afterSequence));
    }

    public Task<IReadOnlyList<StoredEvent>> ReadTenantEventsAsync(string tenantId, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return ReadEventsAsync(
            $"SELECT {EventColumns} FROM events WHERE tenant_id = @tenant_id AND position > @after ORDER BY position LIMIT @limit",
            limit, cancellationToken,
            ("tenant_id", tenantId), ("after", afterPosition));
    }

    public async Task<long> LastTenantPositionAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(
            "SELECT coalesce(max(position), 0) FROM events WHERE tenant_id = @tenant_id", ("tenant_id", tenantId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IdempotencyRecord?> FindRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(
            "SELECT method, fingerprint, response, created_at FROM idempotency_records WHERE tenant_id = @tenant_id AND request_id = @request_id",
            ("tenant_id", tenantId), ("request_id", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new IdempotencyRecord(tenantId, requestId, reader.GetString(0), reader.GetString(1),
            reader.GetFieldValue<byte[]>(2), timestamps.Read(reader, 3));
    }

    /// <summary>Runs on the connection the store gives it: SQLite purges through its single writer.</summary>
    public async Task<int> PurgeRequestsAsync(DbConnection connection, DateTime cutoff, CancellationToken cancellationToken)
    {
        StoreArguments.RequireUtc(cutoff, nameof(cutoff));
        await using var command = connection.Command(
            "DELETE FROM idempotency_records WHERE created_at < @cutoff", ("cutoff", timestamps.ToParameter(cutoff)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(
        string sql, int limit, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await openConnection(cancellationToken);
        await using var command = connection.Command(sql, [.. parameters, ("limit", limit)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), timestamps.Read(reader, 8)));
        }
        return events;
    }
}

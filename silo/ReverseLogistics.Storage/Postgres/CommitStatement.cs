using Npgsql;
using NpgsqlTypes;

namespace ReverseLogistics.Storage.Postgres;

/// <summary>
/// One commit as one statement. Its parts are data-modifying CTEs that each write only if the state did: the state
/// only if no earlier request answered the commit's request id and the version still matches; the request record,
/// events and index entries only with the state. A commit that loses therefore writes nothing and needs no
/// savepoint to undo it, which lets a whole batch go to the server in one round trip.
/// </summary>
internal static class CommitStatement
{
    private const string PriorRequest = """
        prior AS (
            SELECT FROM idempotency_records WHERE tenant_id = @request_tenant_id AND request_id = @request_id),
        """;

    // A request recorded by a transaction that committed while this one waited for it is not in "prior": the insert
    // then records nothing, and the result tells the writer to undo the commit (StatementResult.MustUndo).
    private const string RequestAndEvents = """
        request AS (
            INSERT INTO idempotency_records (tenant_id, request_id, method, fingerprint, response, created_at)
            SELECT @request_tenant_id, @request_id, @method, @fingerprint, @response, @created_at
            WHERE @request_id IS NOT NULL AND EXISTS (SELECT FROM state)
            ON CONFLICT (tenant_id, request_id) DO NOTHING
            RETURNING 1),
        appended AS (
            INSERT INTO events (tenant_id, stream_type, stream_id, sequence, event_type, data, actor, occurred_at, recorded_at)
            SELECT @tenant_id, @actor_type, @actor_id, @expected_event_sequence + e.n, e.event_type, e.data, e.actor, e.occurred_at, now()
            FROM unnest(@event_types::text[], @event_data::text[], @event_actors::text[], @event_times)
                WITH ORDINALITY AS e(event_type, data, actor, occurred_at, n)
            WHERE EXISTS (SELECT FROM state)
            ORDER BY e.n),
        """;

    // Only what changed is written: the entries the new set lacks go, the new ones come. The two touch different
    // rows, so running side by side in one statement cannot trip over each other. Null names leave the index alone.
    private const string RemoveStaleEntries = """
        unindexed AS (
            DELETE FROM actor_index
            WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id
                AND @names::text[] IS NOT NULL AND EXISTS (SELECT FROM state)
                AND (name, value) NOT IN (SELECT e.name, e.value FROM unnest(@names::text[], @values::text[]) AS e(name, value))),
        """;

    private const string AddNewEntries = """
        indexed AS (
            INSERT INTO actor_index (tenant_id, actor_type, actor_id, name, value)
            SELECT @tenant_id, @actor_type, @actor_id, e.name, e.value FROM unnest(@names::text[], @values::text[]) AS e(name, value)
            WHERE EXISTS (SELECT FROM state)
            ON CONFLICT DO NOTHING)
        SELECT (SELECT count(*) FROM prior), (SELECT count(*) FROM state), (SELECT count(*) FROM request)
        """;

    private const string CreateSql = $"""
        WITH {PriorRequest}
        state AS (
            INSERT INTO actor_state (tenant_id, actor_type, actor_id, version, event_sequence, state, updated_at)
            SELECT @tenant_id, @actor_type, @actor_id, @version, @event_sequence, @state, now()
            WHERE NOT EXISTS (SELECT FROM prior)
            ON CONFLICT (tenant_id, actor_type, actor_id) DO NOTHING
            RETURNING 1),
        {RequestAndEvents}
        {AddNewEntries}
        """;

    internal const string UpdateSql = $"""
        WITH {PriorRequest}
        state AS (
            UPDATE actor_state SET version = @version, event_sequence = @event_sequence, state = @state, updated_at = now()
            WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id
                AND version = @expected_version AND event_sequence = @expected_event_sequence
                AND NOT EXISTS (SELECT FROM prior)
            RETURNING 1),
        {RequestAndEvents}
        {RemoveStaleEntries}
        {AddNewEntries}
        """;

    public static NpgsqlBatchCommand For(ActorCommit commit)
    {
        var key = commit.Key;
        var request = commit.Idempotency;
        var entries = commit.Index?.Distinct().ToList();
        return new NpgsqlBatchCommand(commit.ExpectedVersion == 0 ? CreateSql : UpdateSql)
        {
            Parameters =
            {
                new("tenant_id", key.TenantId), new("actor_type", key.ActorType), new("actor_id", key.Id),
                new("expected_version", commit.ExpectedVersion), new("version", commit.ExpectedVersion + 1),
                new("expected_event_sequence", commit.ExpectedEventSequence),
                new("event_sequence", commit.ExpectedEventSequence + commit.Events.Count), new("state", commit.State),
                new("event_types", commit.Events.Select(e => e.Type).ToArray()),
                new("event_data", commit.Events.Select(e => e.Data).ToArray()),
                new("event_actors", commit.Events.Select(e => e.Actor).ToArray()),
                // Typed explicitly: an empty DateTime[] would otherwise go as timestamp without time zone.
                Typed("event_times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, commit.Events.Select(e => e.OccurredAt).ToArray()),
                // Typed, because each may be null: a commit without a request or without an index.
                Typed("request_tenant_id", NpgsqlDbType.Text, request?.TenantId),
                Typed("request_id", NpgsqlDbType.Text, request?.RequestId),
                Typed("method", NpgsqlDbType.Text, request?.Method),
                Typed("fingerprint", NpgsqlDbType.Text, request?.Fingerprint),
                Typed("response", NpgsqlDbType.Bytea, request?.Response),
                Typed("created_at", NpgsqlDbType.TimestampTz, request?.CreatedAt),
                Typed("names", NpgsqlDbType.Array | NpgsqlDbType.Text, entries?.Select(e => e.Name).ToArray()),
                Typed("values", NpgsqlDbType.Array | NpgsqlDbType.Text, entries?.Select(e => e.Value).ToArray()),
            },
        };
    }

    /// <summary>Reads the statement's one row; the reader stays on its result set.</summary>
    public static async Task<StatementResult> ReadAsync(NpgsqlDataReader reader, ActorCommit commit)
    {
        await reader.ReadAsync();
        return new StatementResult(reader.GetInt64(0) > 0, reader.GetInt64(1) > 0, commit.Idempotency is null || reader.GetInt64(2) > 0);
    }

    private static NpgsqlParameter Typed(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}

/// <param name="AnsweredBefore">An earlier request with the commit's request id was found: nothing was written.</param>
/// <param name="StateWritten">The state was written (and with it the events and index entries).</param>
/// <param name="RequestRecorded">The commit has no request, or its record was written.</param>
internal readonly record struct StatementResult(bool AnsweredBefore, bool StateWritten, bool RequestRecorded)
{
    /// <summary>The state was written, but a concurrent transaction recorded the same request first: undo the commit.</summary>
    public bool MustUndo => StateWritten && !RequestRecorded;

    // A retried request must get its first answer, so a duplicate outranks a conflict.
    public CommitOutcome Outcome =>
        AnsweredBefore || MustUndo ? CommitOutcome.DuplicateRequest
        : StateWritten ? CommitOutcome.Committed
        : CommitOutcome.VersionConflict;
}

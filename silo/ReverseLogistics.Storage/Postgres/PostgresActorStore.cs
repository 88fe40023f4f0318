using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using ReverseLogistics.Storage.GroupCommit;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Storage.Postgres;

/// <summary>
/// The cluster store: one PostgreSQL database shared by any number of nodes. Version checks keep
/// two nodes from both committing one actor; every commit notifies
/// <see cref="ActorChangedNotification.Channel"/> and a listener connection raises
/// <see cref="ActorChanged"/> for the other nodes' commits. Thread-safe.
/// </summary>
public sealed class PostgresActorStore : SqlActorStore
{
    private const string Dialect = "Postgres";

    // Every savepoint that writes is a subtransaction; past 64 in one transaction PostgreSQL
    // stops caching them per backend, which slows every other session's snapshots.
    private const int MaxBatchSize = 64;

    // Advisory lock keys ("RL" and a number) shared by every node of the database.
    private const long MigrationLock = 0x524C_0001;
    private const long EventPositionLock = 0x524C_0002;

    private static readonly string CreateHistorySql = $"""
        SELECT pg_advisory_xact_lock({MigrationLock});
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer NOT NULL,
            name       text NOT NULL,
            applied_at timestamptz NOT NULL,
            CONSTRAINT pk_schema_migrations PRIMARY KEY (version)
        );
        """;

    private const string InsertRequestSql = """
        INSERT INTO idempotency_records (tenant_id, request_id, method, fingerprint, response, created_at)
        VALUES (@tenant_id, @request_id, @method, @fingerprint, @response, @created_at)
        ON CONFLICT (tenant_id, request_id) DO NOTHING
        """;

    // Appends the commit's events only if the state statement before it wrote its row.
    private const string AppendEventsSql = """
        appended AS (
            INSERT INTO events (tenant_id, stream_type, stream_id, sequence, event_type, data, actor, occurred_at, recorded_at)
            SELECT @tenant_id, @actor_type, @actor_id, @expected_event_sequence + e.n, e.event_type, e.data::jsonb, e.actor, e.occurred_at, now()
            FROM unnest(@event_types::text[], @event_data::text[], @event_actors::text[], @event_times)
                WITH ORDINALITY AS e(event_type, data, actor, occurred_at, n)
            WHERE EXISTS (SELECT FROM state)
            ORDER BY e.n)
        SELECT count(*) FROM state
        """;

    private const string CreateSql = $"""
        WITH state AS (
            INSERT INTO actor_state (tenant_id, actor_type, actor_id, version, event_sequence, state, updated_at)
            VALUES (@tenant_id, @actor_type, @actor_id, @version, @event_sequence, @state::jsonb, now())
            ON CONFLICT (tenant_id, actor_type, actor_id) DO NOTHING
            RETURNING 1),
        {AppendEventsSql}
        """;

    private const string UpdateSql = $"""
        WITH state AS (
            UPDATE actor_state SET version = @version, event_sequence = @event_sequence, state = @state::jsonb, updated_at = now()
            WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id
                AND version = @expected_version AND event_sequence = @expected_event_sequence
            RETURNING 1),
        {AppendEventsSql}
        """;

    // Both run after the state statement; a commit that did not write its state is rolled back to
    // its savepoint, entries included. The EXISTS only keeps a missing actor from failing the foreign key.
    private const string DeleteIndexSql = """
        DELETE FROM actor_index WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id
        """;

    private const string InsertIndexSql = """
        INSERT INTO actor_index (tenant_id, actor_type, actor_id, name, value)
        SELECT @tenant_id, @actor_type, @actor_id, e.name, e.value FROM unnest(@names::text[], @values::text[]) AS e(name, value)
        WHERE EXISTS (SELECT FROM actor_state WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id)
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly ActorChangedListener listener;
    private readonly string node = Guid.NewGuid().ToString("N");
    private readonly ILogger logger;
    private readonly IReadOnlySet<string>? announcedTypes;
    private int disposed;

    /// <summary>Starts the commit writer and the change listener; call <see cref="MigrateAsync"/> before the first read or commit.</summary>
    /// <param name="announcedTypes">
    /// The actor types whose commits the other nodes hear of (<see cref="ActorChanged"/>): those behind a per-node cache.
    /// Null announces every commit. A notification costs every commit a pg_notify and every other node a message.
    /// </param>
    public PostgresActorStore(string connectionString, ILogger<PostgresActorStore>? logger = null, IReadOnlySet<string>? announcedTypes = null)
    {
        this.logger = logger ?? NullLogger<PostgresActorStore>.Instance;
        this.announcedTypes = announcedTypes;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The store runs a handful of fixed statements: prepared, the server plans each only once.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        dataSource = builder.Build();
        Queries = new ActorQueries(async cancellationToken => await dataSource.OpenConnectionAsync(cancellationToken), PostgresTimestamps.Instance);
        Commits = new CommitQueue(WriteBatchAsync, MaxBatchSize, this.logger);
        listener = new ActorChangedListener(connectionString, node, (key, version) => ActorChanged?.Invoke(key, version), this.logger);
    }

    /// <summary>Raised on the listener's thread for each actor another store instance committed.</summary>
    public override event Action<ActorKey, long>? ActorChanged;

    internal Task Listening => listener.Listening;

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MigrationRunner.ApplyAsync(transaction, Dialect, CreateHistorySql, PostgresTimestamps.Instance, logger, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<int> PurgeRequestsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Queries.PurgeRequestsAsync(connection, cutoff, cancellationToken);
    }

    /// <summary>Finishes the batch being written, fails the commits still queued, stops listening and closes the pool.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await Commits.DisposeAsync();
        await listener.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    private async Task WriteBatchAsync(IReadOnlyList<PendingCommit> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (batch.Any(pending => pending.Commit.Events.Count > 0))
        {
            // Held until commit, so positions are handed out in commit order across all nodes:
            // a reader paging by position never sees a lower position turn up later.
            await transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", ("key", EventPositionLock));
        }

        // Every node locks rows in key order, so two nodes' batches cannot deadlock each other.
        var ordered = batch
            .OrderBy(pending => pending.Commit.Key.TenantId, StringComparer.Ordinal)
            .ThenBy(pending => pending.Commit.Key.ActorType, StringComparer.Ordinal)
            .ThenBy(pending => pending.Commit.Key.Id, StringComparer.Ordinal);
        var written = await Savepoints.WriteEachAsync(transaction, ordered, (commit, savepoint) => WriteAsync(connection, transaction, commit, savepoint));
        var announced = announcedTypes is null ? written : [.. written.Where(commit => announcedTypes.Contains(commit.Key.ActorType))];
        if (announced.Count > 0)
        {
            var payloads = announced
                .Select(commit => new ActorChangedNotification(node, commit.Key.TenantId, commit.Key.ActorType, commit.Key.Id, commit.ExpectedVersion + 1).ToJson())
                .ToArray();
            await transaction.ExecuteAsync("SELECT pg_notify(@channel, payload) FROM unnest(@payloads::text[]) AS payload",
                ("channel", ActorChangedNotification.Channel), ("payloads", payloads));
        }
        await transaction.CommitAsync();
    }

    /// <summary>One round trip: sets the commit's savepoint, records its request and writes its state, events and index entries.</summary>
    private static async Task<CommitOutcome> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ActorCommit commit, string savepoint)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {savepoint}"));
        var request = commit.Idempotency is { } record
            ? new NpgsqlBatchCommand(InsertRequestSql)
            {
                Parameters =
                {
                    new("tenant_id", record.TenantId), new("request_id", record.RequestId), new("method", record.Method),
                    new("fingerprint", record.Fingerprint), new("response", record.Response), new("created_at", record.CreatedAt),
                },
            }
            : null;
        if (request is not null) batch.BatchCommands.Add(request);
        var key = commit.Key;
        batch.BatchCommands.Add(new NpgsqlBatchCommand(commit.ExpectedVersion == 0 ? CreateSql : UpdateSql)
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
                new NpgsqlParameter<DateTime[]>("event_times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                {
                    TypedValue = commit.Events.Select(e => e.OccurredAt).ToArray(),
                },
            },
        });

        if (commit.Index is { } index)
        {
            var entries = index.Distinct().ToList();
            batch.BatchCommands.Add(new NpgsqlBatchCommand(DeleteIndexSql)
            {
                Parameters = { new("tenant_id", key.TenantId), new("actor_type", key.ActorType), new("actor_id", key.Id) },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertIndexSql)
            {
                Parameters =
                {
                    new("tenant_id", key.TenantId), new("actor_type", key.ActorType), new("actor_id", key.Id),
                    new("names", entries.Select(e => e.Name).ToArray()), new("values", entries.Select(e => e.Value).ToArray()),
                },
            });
        }

        long stateWritten;
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            stateWritten = reader.GetInt64(0);
        }
        // A retried request must get its first answer, so a duplicate outranks a conflict.
        if (request is { RecordsAffected: 0 }) return CommitOutcome.DuplicateRequest;
        return stateWritten == 0 ? CommitOutcome.VersionConflict : CommitOutcome.Committed;
    }
}

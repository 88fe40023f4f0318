using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
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

    // A batch that has to be written one commit at a time gives each a savepoint, a subtransaction; past 64 in one
    // transaction PostgreSQL stops caching them per backend, which slows every other session's snapshots.
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

    private static readonly string LockEventPositionsSql = $"SELECT pg_advisory_xact_lock({EventPositionLock})";

    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlDataSource writerSource;
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
        dataSource = Build(connectionString, forWriter: false);
        writerSource = Build(connectionString, forWriter: true);
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
        await writerSource.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    internal static NpgsqlDataSource Build(string connectionString, bool forWriter)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        // The store runs a handful of fixed statements: prepared, the server parses each only once.
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 32;
        // No statement changes a session setting, so a connection going back to the pool needs no reset.
        settings.NoResetOnClose = true;
        // Every statement is a fixed one over indexes that lead with the tenant, so a custom plan never beats the generic
        // one; yet the server kept making custom plans, on every execution: a fifth of its CPU per CreateReturn
        // (docs/performance.md).
        // No parallel workers either: every statement reads a few index entries, and starting workers for a sort of
        // estimated thousands of counters cost a counter read 50 ms (docs/analytics.md). No JIT compilation, for the same
        // reason: a generic plan of a counter read over 100 key ranges is estimated at 100,000s of rows, above the JIT's
        // threshold, and compiling it took 340 ms of a read that runs in 3.
        settings.Options = $"{settings.Options} -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0 -c jit=off".Trim();
        // The commit queue writes one batch at a time, on a pool of its own so that reads never keep it waiting.
        if (forWriter) settings.MaxPoolSize = 1;
        return builder.Build();
    }

    private async Task WriteBatchAsync(IReadOnlyList<PendingCommit> batch)
    {
        // Every node locks rows in key order, so two nodes' batches cannot deadlock each other.
        var ordered = batch
            .OrderBy(pending => pending.Commit.Key.TenantId, StringComparer.Ordinal)
            .ThenBy(pending => pending.Commit.Key.ActorType, StringComparer.Ordinal)
            .ThenBy(pending => pending.Commit.Key.Id, StringComparer.Ordinal)
            .ToList();
        await using var connection = await writerSource.OpenConnectionAsync();
        if (!await TryWriteAtOnceAsync(connection, ordered)) await WriteOneByOneAsync(connection, ordered);
    }

    /// <summary>
    /// The usual way: every commit's statement in one round trip, then COMMIT. False when a commit failed or has to be
    /// undone; the transaction is then rolled back and nothing is recorded on the commits.
    /// </summary>
    private async Task<bool> TryWriteAtOnceAsync(NpgsqlConnection connection, List<PendingCommit> ordered)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var results = new StatementResult[ordered.Count];
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            var locksPositions = LocksEventPositions(ordered);
            if (locksPositions) batch.BatchCommands.Add(new NpgsqlBatchCommand(LockEventPositionsSql));
            foreach (var pending in ordered) batch.BatchCommands.Add(CommitStatement.For(pending.Commit));
            await using var reader = await batch.ExecuteReaderAsync();
            if (locksPositions) await reader.NextResultAsync();
            for (var i = 0; i < ordered.Count; i++)
            {
                results[i] = await CommitStatement.ReadAsync(reader, ordered[i].Commit);
                await reader.NextResultAsync();
            }
        }
        catch (PostgresException exception)
        {
            logger.LogDebug(exception, "A commit of a batch of {Count} failed; writing them one by one", ordered.Count);
            await transaction.RollbackAsync();
            return false;
        }
        if (results.Any(result => result.MustUndo))
        {
            await transaction.RollbackAsync();
            return false;
        }

        for (var i = 0; i < ordered.Count; i++) ordered[i].Record(results[i].Outcome);
        await FinishAsync(connection, transaction, [.. ordered.Where((_, i) => results[i].StateWritten).Select(pending => pending.Commit)]);
        return true;
    }

    /// <summary>
    /// When a commit failed or lost a race for its request id: each commit in its own savepoint, so the one that fails
    /// or must be undone is rolled back alone and the rest of the batch commits.
    /// </summary>
    private async Task WriteOneByOneAsync(NpgsqlConnection connection, List<PendingCommit> ordered)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (LocksEventPositions(ordered)) await transaction.ExecuteAsync(LockEventPositionsSql);
        var written = await Savepoints.WriteEachAsync(transaction, ordered, async (commit, savepoint) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { new NpgsqlBatchCommand($"SAVEPOINT {savepoint}"), CommitStatement.For(commit) },
            };
            // SAVEPOINT returns no rows, so the reader starts on the commit's result.
            await using var reader = await batch.ExecuteReaderAsync();
            return (await CommitStatement.ReadAsync(reader, commit)).Outcome;
        });
        await FinishAsync(connection, transaction, written);
    }

    // The lock is held until COMMIT, so positions are handed out in commit order across all nodes: a reader paging
    // by position never sees a lower position turn up later.
    private static bool LocksEventPositions(List<PendingCommit> batch) => batch.Any(pending => pending.Commit.Events.Count > 0);

    /// <summary>
    /// What follows the written commits, in one round trip: their counters (<see cref="CounterStatement"/>, last so
    /// that their row locks are held the shortest time) and the announcements to the other nodes; then COMMIT.
    /// </summary>
    private async Task FinishAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ActorCommit> written)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (CounterStatement.For(written) is { } counters) batch.BatchCommands.Add(counters);
        var payloads = written
            .Where(commit => announcedTypes is null || announcedTypes.Contains(commit.Key.ActorType))
            .Select(commit => new ActorChangedNotification(node, commit.Key.TenantId, commit.Key.ActorType, commit.Key.Id, commit.ExpectedVersion + 1).ToJson())
            .ToArray();
        if (payloads.Length > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify(@channel, payload) FROM unnest(@payloads::text[]) AS payload")
            {
                Parameters = { new("channel", ActorChangedNotification.Channel), new("payloads", payloads) },
            });
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}

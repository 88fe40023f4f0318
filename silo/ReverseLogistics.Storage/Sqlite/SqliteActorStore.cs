using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReverseLogistics.Storage.GroupCommit;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite database file in WAL mode. Every write goes through one
/// connection (the group-commit writer, which migrations and purges share); reads open pooled
/// connections of their own, which WAL lets run while the writer writes. Thread-safe.
/// </summary>
public sealed class SqliteActorStore : SqlActorStore
{
    public const string DefaultFileName = "reverselogistics.db";
    private const string Dialect = "Sqlite";
    private const int MaxBatchSize = 256;

    /// <summary>How often the logged counter deltas are folded into the counters table, and how many may wait at most.</summary>
    private static readonly TimeSpan FoldEvery = TimeSpan.FromSeconds(2);
    private const int FoldAtDeltas = 100_000;

    internal const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            CONSTRAINT pk_schema_migrations PRIMARY KEY (version)
        ) STRICT
        """;

    private readonly string readerConnectionString;
    private readonly SqliteConnection writer;
    private readonly PreparedStatements statements;
    private readonly SemaphoreSlim writerLock = new(1, 1);
    private readonly ILogger logger;
    private readonly UnfoldedCounters unfolded = new();
    // Odd while a fold commits and forgets its deltas: a read that saw it change reads again (a sequence lock).
    private long foldVersion;
    private long lastFold = Stopwatch.GetTimestamp();
    private Task folding = Task.CompletedTask;
    private int disposed;

    /// <param name="path">
    /// The data directory, holding the database as <see cref="DefaultFileName"/> (both are created
    /// when missing), or the database file itself when the path ends in ".db".
    /// </param>
    public SqliteActorStore(string path, ILogger<SqliteActorStore>? logger = null)
    {
        this.logger = logger ?? NullLogger<SqliteActorStore>.Instance;
        DatabasePath = ResolveDatabasePath(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, ForeignKeys = true, DefaultTimeout = 30 };
        readerConnectionString = connectionString.ToString();
        connectionString.Pooling = false;
        writer = new SqliteConnection(connectionString.ToString());
        statements = new PreparedStatements(writer);
        try
        {
            writer.Open();
            ConfigureWriter();
            LoadUnfoldedCounters();
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        Queries = new ActorQueries(OpenReaderAsync, SqliteTimestamps.Instance);
        Commits = new CommitQueue(WriteBatchAsync, MaxBatchSize, this.logger);
    }

    public string DatabasePath { get; }

    /// <summary>Never raised: one embedded node has no other node to hear from.</summary>
    public override event Action<ActorKey, long>? ActorChanged { add { } remove { } }

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await writerLock.WaitAsync(cancellationToken);
        try
        {
            // A migration may rebuild a table that others reference (0005): SQLite's procedure for that is to turn
            // foreign keys off outside the transaction and check them all before committing.
            ExecutePragma("PRAGMA foreign_keys = OFF");
            // BEGIN IMMEDIATE: another process migrating the same file waits for this one.
            await using var transaction = writer.BeginTransaction(deferred: false);
            var applied = await MigrationRunner.ApplyAsync(transaction, Dialect, CreateHistorySql, SqliteTimestamps.Instance, logger, cancellationToken);
            // The check reads the whole database (23 s on a file of a million returns): only after a migration ran.
            if (applied > 0)
            {
                await using var check = transaction.Command("PRAGMA foreign_key_check");
                await using var violations = await check.ExecuteReaderAsync(cancellationToken);
                if (await violations.ReadAsync(cancellationToken))
                    throw new InvalidOperationException($"Migrating {DatabasePath} would break a foreign key of table {violations.GetString(0)}; nothing was changed.");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            ExecutePragma("PRAGMA foreign_keys = ON");
            writerLock.Release();
        }
    }

    public override async Task<int> PurgeRequestsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await writerLock.WaitAsync(cancellationToken);
        try
        {
            return await Queries.PurgeRequestsAsync(writer, cutoff, cancellationToken);
        }
        finally
        {
            writerLock.Release();
        }
    }

    /// <summary>Finishes the batch being written, fails the commits still queued, and closes the database.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await Commits.DisposeAsync();
        await folding;
        await writerLock.WaitAsync();
        try
        {
            try
            {
                FoldCounters(); // not needed for exactness (the log is read back on opening), but leaves the log empty
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Folding the logged counter deltas on closing failed; the next start reads them back");
            }
            statements.Dispose();
            await writer.DisposeAsync();
        }
        finally
        {
            writerLock.Release();
        }
        SqliteConnection.ClearPool(new SqliteConnection(readerConnectionString));
    }

    private static string ResolveDatabasePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Path.GetFullPath(path);
        if (!string.Equals(Path.GetExtension(file), ".db", StringComparison.OrdinalIgnoreCase)) file = Path.Combine(file, DefaultFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }

    private void ConfigureWriter()
    {
        using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        if (command.ExecuteScalar() as string != "wal") throw new InvalidOperationException($"SQLite could not put {DatabasePath} in WAL mode.");
        // In WAL mode, NORMAL would sync only at checkpoints: an acknowledged commit could be lost
        // to a power cut. FULL syncs the log at every commit, which group commit makes affordable.
        // A bigger page cache than SQLite's 2 MiB keeps the index trees every commit descends in memory.
        ExecutePragma("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536");
    }

    private void ExecutePragma(string pragma)
    {
        using var command = writer.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    private async ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readerConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task WriteBatchAsync(IReadOnlyList<PendingCommit> batch)
    {
        await writerLock.WaitAsync();
        try
        {
            await using var transaction = writer.BeginTransaction(deferred: false);
            var now = SqliteTimestamps.Instance.ToParameter(DateTime.UtcNow);
            var written = await Savepoints.WriteEachAsync(transaction, batch, (commit, savepoint) =>
            {
                transaction.Save(savepoint);
                return Task.FromResult(Write(transaction, commit, now));
            });
            var sums = CounterSum.Of(written);
            var sequence = LogCounters(transaction, sums);
            await transaction.CommitAsync();
            if (sequence is { } logged) unfolded.Add(logged, sums);
        }
        finally
        {
            writerLock.Release();
        }
        if (folding.IsCompleted && (unfolded.Deltas >= FoldAtDeltas || (unfolded.Deltas > 0 && Stopwatch.GetElapsedTime(lastFold) >= FoldEvery)))
            folding = Task.Run(FoldCountersAsync);
    }

    /// <summary>
    /// The counters read as the table holds them plus the deltas logged and not folded yet, as of one moment: a read during
    /// which a fold committed (and so may have found its deltas both in the table and unfolded, or in neither) reads again.
    /// </summary>
    public override async Task<IReadOnlyList<CounterValue>> ReadCountersAsync(CounterQuery query, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(query);
        while (true)
        {
            var version = Interlocked.Read(ref foldVersion);
            if (version % 2 == 1)
            {
                await Task.Delay(1, cancellationToken); // a fold is committing: a few milliseconds
                continue;
            }
            var waiting = unfolded.Find(query);
            var stored = await Queries.ReadCountersAsync(query, cancellationToken);
            if (Interlocked.Read(ref foldVersion) == version) return UnfoldedCounters.AddTo(stored, query, waiting);
        }
    }

    /// <summary>
    /// After every commit of the batch, so only the written ones count: their deltas summed per counter, as one row of
    /// counter_log, which a fold adds to the counters table later (docs/analytics.md, "Folding the counters"). Upserting
    /// them here cost a commit 30-45 % more CPU and halved the writer's commits per second on a year of a large merchant.
    /// </summary>
    /// <returns>The log row's sequence; null when the batch moved no counter.</returns>
    private long? LogCounters(SqliteTransaction transaction, IReadOnlyList<CounterSum> sums)
    {
        if (sums.Count == 0) return null;
        return statements.Read(transaction, "INSERT INTO counter_log (deltas) VALUES (@deltas) RETURNING sequence",
            reader => reader.GetInt64(0), ("deltas", Serialize(sums)))[0];
    }

    /// <summary>Folds now what is logged (tests: the reads before and after a fold must agree).</summary>
    internal Task FoldCountersNowAsync() => FoldCountersAsync();

    private async Task FoldCountersAsync()
    {
        await writerLock.WaitAsync();
        try
        {
            FoldCounters();
        }
        catch (Exception exception)
        {
            // The deltas stay logged and unfolded, so reads still count them; the next fold tries again.
            logger.LogError(exception, "Folding the logged counter deltas into the counters table failed");
        }
        finally
        {
            writerLock.Release();
        }
    }

    /// <summary>
    /// Adds every unfolded batch's deltas to the counters table and deletes their log rows, in one transaction: each delta is
    /// added once, whatever fails when. Each counter is written once however many batches moved it (today's counters of a
    /// busy merchant are moved by nearly every batch). Called holding the writer's lock.
    /// </summary>
    private void FoldCounters()
    {
        if (unfolded.ToFold() is not { } waiting) return;
        var (sums, through) = waiting;
        using var transaction = writer.BeginTransaction(deferred: false);
        // "WHERE true" tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join of the SELECT.
        statements.Execute(transaction,
            "INSERT INTO counters (tenant_id, name, key, value)" +
            " SELECT c.value ->> 0, c.value ->> 1, c.value ->> 2, c.value ->> 3 FROM json_each(@sums) AS c WHERE true" +
            " ON CONFLICT (tenant_id, name, key) DO UPDATE SET value = value + excluded.value",
            ("sums", Serialize(sums)));
        statements.Execute(transaction, "DELETE FROM counter_log WHERE sequence <= @through", ("through", through));
        Interlocked.Increment(ref foldVersion);
        try
        {
            transaction.Commit();
            unfolded.Clear();
        }
        finally
        {
            Interlocked.Increment(ref foldVersion);
        }
        lastFold = Stopwatch.GetTimestamp();
    }

    /// <summary>Deltas a batch logged that no fold added before the store was last closed (a crash, a kill): read back, to be folded.</summary>
    private void LoadUnfoldedCounters()
    {
        using var exists = writer.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'counter_log'";
        if ((long)exists.ExecuteScalar()! == 0) return;
        using var command = writer.CreateCommand();
        command.CommandText = "SELECT sequence, deltas FROM counter_log ORDER BY sequence";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var deltas = JsonDocument.Parse(reader.GetString(1));
            unfolded.Add(reader.GetInt64(0), [.. deltas.RootElement.EnumerateArray().Select(d =>
                new CounterSum(d[0].GetString()!, d[1].GetString()!, d[2].GetString()!, d[3].GetInt64()))]);
        }
    }

    /// <summary>[[tenant, name, key, delta], …], written directly: serializing arrays of boxed values was a tenth of the log's cost.</summary>
    private static string Serialize(IEnumerable<CounterSum> sums)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var sum in sums)
            {
                json.WriteStartArray();
                json.WriteStringValue(sum.TenantId);
                json.WriteStringValue(sum.Name);
                json.WriteStringValue(sum.Key);
                json.WriteNumberValue(sum.Delta);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private CommitOutcome Write(SqliteTransaction transaction, ActorCommit commit, object now)
    {
        var key = commit.Key;
        // The duplicate check comes first: a retried request must get its first answer, not a conflict.
        if (commit.Idempotency is { } request && statements.Execute(transaction,
                "INSERT INTO idempotency_records (tenant_id, request_id, method, fingerprint, response, created_at)" +
                " VALUES (@tenant_id, @request_id, @method, @fingerprint, @response, @created_at)" +
                " ON CONFLICT (tenant_id, request_id) DO NOTHING",
                ("tenant_id", request.TenantId), ("request_id", request.RequestId), ("method", request.Method),
                ("fingerprint", request.Fingerprint), ("response", request.Response),
                ("created_at", SqliteTimestamps.Instance.ToParameter(request.CreatedAt))) == 0)
        {
            return CommitOutcome.DuplicateRequest;
        }

        (string, object?)[] state =
        [
            ("tenant_id", key.TenantId), ("actor_type", key.ActorType), ("actor_id", key.Id),
            ("expected_version", commit.ExpectedVersion), ("version", commit.ExpectedVersion + 1),
            ("expected_event_sequence", commit.ExpectedEventSequence),
            ("event_sequence", commit.ExpectedEventSequence + commit.Events.Count), ("state", commit.State), ("now", now),
        ];
        var written = commit.ExpectedVersion == 0
            ? statements.Execute(transaction,
                "INSERT INTO actor_state (tenant_id, actor_type, actor_id, version, event_sequence, state, updated_at)" +
                " VALUES (@tenant_id, @actor_type, @actor_id, @version, @event_sequence, @state, @now)" +
                " ON CONFLICT (tenant_id, actor_type, actor_id) DO NOTHING", state)
            : statements.Execute(transaction,
                "UPDATE actor_state SET version = @version, event_sequence = @event_sequence, state = @state, updated_at = @now" +
                " WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id" +
                " AND version = @expected_version AND event_sequence = @expected_event_sequence", state);
        if (written == 0) return CommitOutcome.VersionConflict;

        if (commit.Index is { } index) WriteIndex(transaction, commit, index);

        for (var i = 0; i < commit.Events.Count; i++)
        {
            var @event = commit.Events[i];
            // The single writer holds the database's write lock, so max + 1 is unique and follows commit order.
            statements.Execute(transaction,
                "INSERT INTO events (tenant_id, stream_type, stream_id, sequence, position, event_type, data, actor, occurred_at, recorded_at)" +
                " VALUES (@tenant_id, @stream_type, @stream_id, @sequence, (SELECT coalesce(max(position), 0) + 1 FROM events)," +
                " @event_type, @data, @actor, @occurred_at, @now)",
                ("tenant_id", key.TenantId), ("stream_type", key.ActorType), ("stream_id", key.Id),
                ("sequence", commit.ExpectedEventSequence + i + 1), ("event_type", @event.Type), ("data", @event.Data),
                ("actor", @event.Actor), ("occurred_at", SqliteTimestamps.Instance.ToParameter(@event.OccurredAt)), ("now", now));
        }
        return CommitOutcome.Committed;
    }

    /// <summary>Writes only what changed: the entries the new set no longer has go, the new ones come (a create has none to read).</summary>
    private void WriteIndex(SqliteTransaction transaction, ActorCommit commit, IReadOnlyList<IndexEntry> index)
    {
        var key = commit.Key;
        var wanted = index.ToHashSet();
        if (commit.ExpectedVersion > 0)
        {
            var stored = statements.Read(transaction,
                "SELECT name, value FROM actor_index WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id",
                reader => new IndexEntry(reader.GetString(0), reader.GetString(1)),
                ("tenant_id", key.TenantId), ("actor_type", key.ActorType), ("actor_id", key.Id));
            foreach (var entry in stored)
            {
                if (wanted.Remove(entry)) continue;
                statements.Execute(transaction,
                    "DELETE FROM actor_index WHERE tenant_id = @tenant_id AND actor_type = @actor_type AND actor_id = @actor_id AND name = @name AND value = @value",
                    ("tenant_id", key.TenantId), ("actor_type", key.ActorType), ("actor_id", key.Id), ("name", entry.Name), ("value", entry.Value));
            }
        }
        foreach (var entry in wanted)
        {
            statements.Execute(transaction,
                "INSERT INTO actor_index (tenant_id, actor_type, actor_id, name, value) VALUES (@tenant_id, @actor_type, @actor_id, @name, @value)",
                ("tenant_id", key.TenantId), ("actor_type", key.ActorType), ("actor_id", key.Id), ("name", entry.Name), ("value", entry.Value));
        }
    }
}

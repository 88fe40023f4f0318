using ReverseLogistics.Storage;

namespace ReverseLogistics.Tests.Actors.Support;

/// <summary>
/// An <see cref="IActorStore"/> with the real stores' commit semantics (version check, all or
/// nothing, duplicate request ids), asynchronous like real I/O, plus hooks for tests: fail the
/// next read, raise <see cref="ActorChanged"/> as another node's commit would.
/// </summary>
public sealed class InMemoryActorStore : IActorStore
{
    private readonly object gate = new();
    private readonly Dictionary<ActorKey, ActorRecord> actors = [];
    private readonly List<StoredEvent> events = [];
    private readonly Dictionary<(string TenantId, string RequestId), IdempotencyRecord> requests = [];
    private readonly Dictionary<ActorKey, IReadOnlyList<IndexEntry>> index = [];
    private Exception? nextReadFailure;
    private int reads;
    private int conflicts;

    public event Action<ActorKey, long>? ActorChanged;

    public int Reads => Volatile.Read(ref reads);

    public int Conflicts => Volatile.Read(ref conflicts);

    public bool HasChangeSubscribers => ActorChanged is not null;

    public void FailNextRead(Exception exception)
    {
        lock (gate) nextReadFailure = exception;
    }

    public void RaiseActorChanged(ActorKey key, long version) => ActorChanged?.Invoke(key, version);

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<ActorRecord?> ReadAsync(ActorKey key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            reads++;
            if (nextReadFailure is { } failure)
            {
                nextReadFailure = null;
                throw failure;
            }

            return actors.GetValueOrDefault(key);
        }
    }

    public async Task<CommitResult> CommitAsync(ActorCommit commit, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var current = actors.GetValueOrDefault(commit.Key);
            var (version, sequence) = (current?.Version ?? 0, current?.EventSequence ?? 0);
            if (version != commit.ExpectedVersion)
            {
                conflicts++;
                return new CommitResult(CommitOutcome.VersionConflict, version, sequence);
            }

            if (sequence != commit.ExpectedEventSequence)
                throw new InvalidOperationException($"{commit.Key}: expected event sequence {commit.ExpectedEventSequence}, stored {sequence}.");
            if (commit.Idempotency is { } request && requests.ContainsKey((request.TenantId, request.RequestId)))
                return new CommitResult(CommitOutcome.DuplicateRequest, version, sequence);

            foreach (var e in commit.Events)
            {
                events.Add(new StoredEvent(
                    commit.Key.TenantId, commit.Key.ActorType, commit.Key.Id, ++sequence, events.Count + 1, e.Type, e.Data, e.Actor, e.OccurredAt));
            }

            if (commit.Idempotency is { } record) requests[(record.TenantId, record.RequestId)] = record;
            if (commit.Index is { } entries) index[commit.Key] = [.. entries.Distinct()];
            actors[commit.Key] = new ActorRecord(version + 1, commit.State, sequence);
            return new CommitResult(CommitOutcome.Committed, version + 1, sequence);
        }
    }

    public Task<IReadOnlyList<(ActorKey Key, ActorRecord Record)>> ListAsync(
        string actorType, string? tenantId, ActorKey? after, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<(ActorKey, ActorRecord)> page = actors
                .Where(a => a.Key.ActorType == actorType && (tenantId is null || a.Key.TenantId == tenantId))
                .Where(a => after is not { } from || IsAfter(a.Key, from))
                .OrderBy(a => a.Key.TenantId, StringComparer.Ordinal).ThenBy(a => a.Key.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(a => (a.Key, a.Value))
                .ToList();
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<ActorKey>> FindAsync(IndexQuery query, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matches = Matching(query).Where(key => query.AfterId is null || string.CompareOrdinal(key.Id, query.AfterId) * (query.Descending ? -1 : 1) > 0);
            var ordered = query.Descending
                ? matches.OrderByDescending(key => key.Id, StringComparer.Ordinal)
                : matches.OrderBy(key => key.Id, StringComparer.Ordinal);
            IReadOnlyList<ActorKey> page = ordered.Take(query.Limit).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<ActorKey>> FindAcrossTenantsAsync(string actorType, string name, string value, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ActorKey> found = index
                .Where(e => e.Key.ActorType == actorType && e.Value.Contains(new IndexEntry(name, value)))
                .Select(e => e.Key)
                .OrderBy(key => key.TenantId, StringComparer.Ordinal).ThenBy(key => key.Id, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<DueActor>> FindDueAsync(
        string actorType, string kind, DateTime upTo, DueActor? after, int limit, CancellationToken cancellationToken)
    {
        var (from, to) = (DueIndex.Prefix(kind), DueIndex.Value(kind, upTo));
        (string, string, string)? afterRow = after is null ? null : (DueIndex.Value(kind, after.DueAt), after.Key.TenantId, after.Key.Id);
        lock (gate)
        {
            IReadOnlyList<DueActor> page = index
                .Where(pair => pair.Key.ActorType == actorType)
                .SelectMany(pair => pair.Value.Where(entry => entry.Name == DueIndex.Name).Select(entry => (Value: entry.Value, pair.Key)))
                .Where(row => string.CompareOrdinal(row.Value, from) >= 0 && string.CompareOrdinal(row.Value, to) <= 0)
                .Select(row => (row.Value, row.Key.TenantId, row.Key.Id, row.Key))
                .Where(row => afterRow is not { } a || Compare((row.Value, row.TenantId, row.Id), a) > 0)
                .OrderBy(row => row.Value, StringComparer.Ordinal).ThenBy(row => row.TenantId, StringComparer.Ordinal).ThenBy(row => row.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(row => new DueActor(row.Key, DueIndex.DueAt(row.Value)))
                .ToList();
            return Task.FromResult(page);
        }

        static int Compare((string, string, string) x, (string, string, string) y)
        {
            var byValue = string.CompareOrdinal(x.Item1, y.Item1);
            if (byValue != 0) return byValue;
            var byTenant = string.CompareOrdinal(x.Item2, y.Item2);
            return byTenant != 0 ? byTenant : string.CompareOrdinal(x.Item3, y.Item3);
        }
    }

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult((long)Matching(query).Count());
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(ActorKey stream, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<StoredEvent> page = events
                .Where(e => e.TenantId == stream.TenantId && e.StreamType == stream.ActorType && e.StreamId == stream.Id && e.Sequence > afterSequence)
                .Take(limit)
                .ToList();
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadTenantEventsAsync(string tenantId, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<StoredEvent> page = events.Where(e => e.TenantId == tenantId && e.Position > afterPosition).Take(limit).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<IdempotencyRecord?> FindRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult(requests.GetValueOrDefault((tenantId, requestId)));
    }

    public Task<int> PurgeRequestsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var old = requests.Where(r => r.Value.CreatedAt < cutoff).Select(r => r.Key).ToList();
            old.ForEach(key => requests.Remove(key));
            return Task.FromResult(old.Count);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IEnumerable<ActorKey> Matching(IndexQuery query) => actors.Keys
        .Where(key => key.TenantId == query.TenantId && key.ActorType == query.ActorType)
        .Where(key => query.Conditions.All(condition => index.GetValueOrDefault(key, []).Any(entry => Matches(entry, condition))))
        .ToList();

    private static bool Matches(IndexEntry entry, IndexCondition condition) => entry.Name == condition.Name && condition switch
    {
        IndexEquals equals => entry.Value == equals.Value,
        IndexRange range => (range.From is null || string.CompareOrdinal(entry.Value, range.From) >= 0)
            && (range.To is null || string.CompareOrdinal(entry.Value, range.To) < 0),
        _ => false,
    };

    private static bool IsAfter(ActorKey key, ActorKey after)
    {
        var byTenant = string.CompareOrdinal(key.TenantId, after.TenantId);
        return byTenant > 0 || (byTenant == 0 && string.CompareOrdinal(key.Id, after.Id) > 0);
    }
}

namespace ReverseLogistics.Storage;

/// <summary>Argument checks both stores make before touching the database.</summary>
internal static class StoreArguments
{
    /// <summary>Keeps a key inside PostgreSQL's 8000-byte notification payload, however it is escaped.</summary>
    public const int MaxKeyPartLength = 256;

    /// <summary>Keeps index entries small enough for the lookup index's entries.</summary>
    public const int MaxIndexTextLength = 256;

    public static void Validate(ActorCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Validate(commit.Key);
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion);
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedEventSequence);
        if (commit.ExpectedVersion == 0 && commit.ExpectedEventSequence != 0)
        {
            throw new ArgumentException("An actor being created has no events yet: ExpectedEventSequence must be 0.", nameof(commit));
        }
        ArgumentNullException.ThrowIfNull(commit.State);
        ArgumentNullException.ThrowIfNull(commit.Events);
        foreach (var @event in commit.Events) RequireUtc(@event.OccurredAt, nameof(NewEvent.OccurredAt));
        if (commit.Idempotency is { } request)
        {
            ArgumentException.ThrowIfNullOrEmpty(request.TenantId);
            ArgumentException.ThrowIfNullOrEmpty(request.RequestId);
            RequireUtc(request.CreatedAt, nameof(IdempotencyRecord.CreatedAt));
        }
        if (commit.Index is { } index)
        {
            foreach (var entry in index)
            {
                ArgumentNullException.ThrowIfNull(entry, nameof(ActorCommit.Index));
                RequireIndexText(entry.Name, nameof(IndexEntry.Name));
                RequireIndexText(entry.Value, nameof(IndexEntry.Value));
            }
        }
        if (commit.Counters is { } counters)
        {
            foreach (var delta in counters)
            {
                ArgumentNullException.ThrowIfNull(delta, nameof(ActorCommit.Counters));
                RequireCounterName(delta.Name, nameof(CounterDelta.Name));
                RequireCounterKey(delta.Key, nameof(CounterDelta.Key));
            }
        }
    }

    public static void Validate(CounterQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TenantId is not null) RequireKeyPart(query.TenantId, nameof(CounterQuery.TenantId));
        RequireCounterName(query.Name, nameof(CounterQuery.Name));
        if (query.TenantId is null && TenantOnlyCounters.Names.Contains(query.Name))
            throw new ArgumentException($"The counter '{query.Name}' is read only within its tenant (TenantOnlyCounters).", nameof(query));
        ArgumentNullException.ThrowIfNull(query.Ranges, nameof(CounterQuery.Ranges));
        if (query.Ranges.Count is 0 or > MaxCounterRanges)
            throw new ArgumentException($"A counter query has 1 to {MaxCounterRanges} ranges.", nameof(query));
        foreach (var range in query.Ranges)
        {
            ArgumentNullException.ThrowIfNull(range, nameof(CounterQuery.Ranges));
            ArgumentNullException.ThrowIfNull(range.From, nameof(CounterRange.From));
            ArgumentNullException.ThrowIfNull(range.To, nameof(CounterRange.To));
            if (range.From.Length > MaxCounterKeyBytes + 1 || range.To.Length > MaxCounterKeyBytes + 1)
                throw new ArgumentException($"A counter range's bounds are at most {MaxCounterKeyBytes + 1} characters.", nameof(query));
        }
        var ordered = query.Ranges.OrderBy(r => r.From, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (string.CompareOrdinal(ordered[i].From, ordered[i - 1].To) < 0)
                throw new ArgumentException($"Counter ranges overlap: [{ordered[i - 1].From}, {ordered[i - 1].To}) and [{ordered[i].From}, {ordered[i].To}).", nameof(query));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(CounterQuery.Limit));
        if (query.AfterTenantId is not null && (query.TenantId is not null || query.AfterKey is null))
            throw new ArgumentException("AfterTenantId pages across tenants only, with AfterKey.", nameof(query));
    }

    /// <summary>Keeps a counter query's statement small: each range is an arm of a UNION ALL (SQLite allows 500).</summary>
    public const int MaxCounterRanges = 200;

    public static void Validate(IndexQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireKeyPart(query.TenantId, nameof(IndexQuery.TenantId));
        RequireKeyPart(query.ActorType, nameof(IndexQuery.ActorType));
        if (query.AfterId is not null) RequireKeyPart(query.AfterId, nameof(IndexQuery.AfterId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(IndexQuery.Limit));
        ArgumentNullException.ThrowIfNull(query.Conditions, nameof(IndexQuery.Conditions));
        foreach (var condition in query.Conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(IndexQuery.Conditions));
            RequireIndexText(condition.Name, nameof(IndexCondition.Name));
            switch (condition)
            {
                case IndexEquals equals:
                    RequireIndexText(equals.Value, nameof(IndexEquals.Value));
                    break;
                case IndexRange range:
                    if (range.From is not null) RequireIndexText(range.From, nameof(IndexRange.From));
                    if (range.To is not null) RequireIndexText(range.To, nameof(IndexRange.To));
                    break;
                default:
                    throw new ArgumentException($"Unknown index condition {condition.GetType().Name}.", nameof(IndexQuery.Conditions));
            }
        }
    }

    /// <summary>Counter names are the platform's own constants.</summary>
    public const int MaxCounterNameLength = 64;

    /// <summary>
    /// Counter keys hold what analytics group by (a SKU and a reason code, each up to 128 characters, and a period), so
    /// they are bounded in UTF-8 bytes: with the tenant and the name, an entry of either index stays under PostgreSQL's
    /// b-tree limit of about 2,700 bytes whatever the characters.
    /// </summary>
    public const int MaxCounterKeyBytes = 1024;

    private static void RequireCounterName(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Length > MaxCounterNameLength) throw new ArgumentException($"{name} is longer than {MaxCounterNameLength} characters.", name);
        RequireNoNul(value, name);
    }

    private static void RequireCounterKey(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (System.Text.Encoding.UTF8.GetByteCount(value) > MaxCounterKeyBytes)
            throw new ArgumentException($"{name} is longer than {MaxCounterKeyBytes} bytes of UTF-8.", name);
        RequireNoNul(value, name);
    }

    // PostgreSQL's text cannot hold NUL, and CounterRange.Exactly relies on no key holding it.
    private static void RequireNoNul(string value, string name)
    {
        if (value.Contains('\0')) throw new ArgumentException($"{name} holds a NUL character.", name);
    }

    public static void ValidateLookup(string actorType, string name, string value, int limit)
    {
        RequireKeyPart(actorType, "actorType");
        RequireIndexText(name, nameof(name));
        RequireIndexText(value, nameof(value));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
    }

    public static void Validate(ActorKey key)
    {
        RequireKeyPart(key.TenantId, nameof(ActorKey.TenantId));
        RequireKeyPart(key.ActorType, nameof(ActorKey.ActorType));
        RequireKeyPart(key.Id, nameof(ActorKey.Id));
    }

    private static void RequireKeyPart(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Length > MaxKeyPartLength) throw new ArgumentException($"{name} is longer than {MaxKeyPartLength} characters.", name);
    }

    private static void RequireIndexText(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Length > MaxIndexTextLength) throw new ArgumentException($"{name} is longer than {MaxIndexTextLength} characters.", name);
    }

    /// <summary>Both stores take and give UTC only, so an instant means the same on every node.</summary>
    public static void RequireUtc(DateTime value, string name)
    {
        if (value.Kind != DateTimeKind.Utc) throw new ArgumentException($"{name} must be a UTC time (DateTimeKind.Utc), not {value.Kind}.", name);
    }
}

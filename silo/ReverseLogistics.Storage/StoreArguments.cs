namespace ReverseLogistics.Storage;

/// <summary>Argument checks both stores make before touching the database.</summary>
internal static class StoreArguments
{
    /// <summary>Keeps a key inside PostgreSQL's 8000-byte notification payload, however it is escaped.</summary>
    public const int MaxKeyPartLength = 256;

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

    /// <summary>Both stores take and give UTC only, so an instant means the same on every node.</summary>
    public static void RequireUtc(DateTime value, string name)
    {
        if (value.Kind != DateTimeKind.Utc) throw new ArgumentException($"{name} must be a UTC time (DateTimeKind.Utc), not {value.Kind}.", name);
    }
}

namespace ReverseLogistics.Actors;

public sealed class ActorRuntimeOptions
{
    /// <summary>An activation idle for longer is deactivated; <see cref="Timeout.InfiniteTimeSpan"/> keeps activations forever.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages queued per activation before senders wait (back-pressure).</summary>
    public int MailboxCapacity { get; set; } = 1024;

    /// <summary>How many times a turn is rerun on fresh state after a version conflict.</summary>
    public int MaxConflictRetries { get; set; } = 3;

    internal void Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero && IdleTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), IdleTimeout, "Must be positive or infinite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MailboxCapacity, 1, nameof(MailboxCapacity));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxConflictRetries, nameof(MaxConflictRetries));
    }
}

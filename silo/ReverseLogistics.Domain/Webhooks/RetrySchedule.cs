namespace ReverseLogistics.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: exponential back-off with full jitter (a random delay between zero and
/// <see cref="BaseDelay"/> doubled per failure, capped at <see cref="MaxDelay"/>), so receivers that failed together
/// are not retried together. An event still failing <see cref="RetryFor"/> after its first attempt is dead-lettered.
/// </summary>
public sealed record RetrySchedule(TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan RetryFor)
{
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    /// <summary>The longest wait after <paramref name="failures"/> failed attempts (1 or more).</summary>
    public TimeSpan Ceiling(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min((double)BaseDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait after <paramref name="failures"/> failed attempts; <paramref name="random"/> is uniform in [0, 1).</summary>
    public TimeSpan Delay(int failures, double random) => TimeSpan.FromTicks((long)(Ceiling(failures).Ticks * Math.Clamp(random, 0, 1)));

    /// <summary>Whether an event first tried at <paramref name="firstAttemptAt"/> has been retried long enough.</summary>
    public bool GivesUp(DateTime firstAttemptAt, DateTime now) => now - firstAttemptAt >= RetryFor;
}

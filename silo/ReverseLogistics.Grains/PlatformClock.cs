namespace ReverseLogistics.Grains;

/// <summary>
/// The platform's business clock: return windows, label expiry, inspection SLAs, pickup cut-offs and the
/// sweeps that find what is due. Tests move it (the silo option Clock). It is a type of its own
/// so that what resolves <see cref="TimeProvider"/> (Orleans' membership above all) keeps real time: a
/// test jumping hours ahead must not make silos declare each other dead.
/// </summary>
public sealed class PlatformClock(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime, period);
}

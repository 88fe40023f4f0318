namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>
/// The system clock moved by an offset the test changes. Unlike a frozen manual clock, its timers
/// still run in real time, so Quartz's own waits keep working while the test jumps days ahead.
/// </summary>
public sealed class ShiftedClock(TimeSpan offset = default) : TimeProvider
{
    private long offsetTicks = offset.Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

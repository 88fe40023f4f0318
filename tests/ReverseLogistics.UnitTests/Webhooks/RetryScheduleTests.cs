using ReverseLogistics.Domain.Webhooks;

namespace ReverseLogistics.UnitTests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = RetrySchedule.Default;

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(9, 2560)]
    [InlineData(10, 3600)]
    [InlineData(50, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void The_ceiling_starts_at_10_seconds_and_doubles_per_failure_up_to_an_hour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedule.Ceiling(failures));

    [Fact]
    public void Full_jitter_picks_a_delay_between_zero_and_the_ceiling()
    {
        Assert.Equal(TimeSpan.Zero, Schedule.Delay(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(20), Schedule.Delay(3, 0.5));
        Assert.True(Schedule.Delay(3, 0.999999) < TimeSpan.FromSeconds(40));
    }

    [Fact]
    public void It_gives_up_24_hours_after_the_first_attempt()
    {
        var first = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

        Assert.False(Schedule.GivesUp(first, first.AddHours(24).AddTicks(-1)));
        Assert.True(Schedule.GivesUp(first, first.AddHours(24)));
    }

    [Fact]
    public void Retrying_for_a_day_makes_dozens_of_attempts_even_with_the_longest_delays()
    {
        var (now, attempts) = (TimeSpan.Zero, 1);
        while (now < Schedule.RetryFor) now += Schedule.Delay(attempts++, 0.999999);

        Assert.InRange(attempts, 24, 40);
    }
}

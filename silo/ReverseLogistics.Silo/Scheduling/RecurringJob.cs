using Quartz;
using Quartz.Impl.Triggers;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>
/// A durable job fired every <see cref="Interval"/> by one simple trigger of the same key. Runs
/// missed while every node was down are not replayed (<see cref="Misfire"/>): the next run sweeps
/// everything due by then, so one catch-up run, at most an interval later, does the work of all.
/// </summary>
public sealed record RecurringJob(JobKey Key, Type JobType, TimeSpan Interval, string Description)
{
    public const SimpleTriggerMisfireInstruction Misfire = SimpleTriggerMisfireInstruction.NextWithRemainingCount;

    public TriggerKey TriggerKey => new(Key.Name, Key.Group);

    /// <summary>Requests recovery: a run cut short by a crash is rerun by the node that recovers it.</summary>
    public IJobDetail BuildJob() => JobBuilder.Create()
        .OfType(JobType)
        .WithIdentity(Key)
        .WithDescription(Description)
        .StoreDurably(true)
        .RequestRecovery(true)
        .Build();

    public ITrigger BuildTrigger(TimeProvider time) => TriggerBuilder.Create(time)
        .WithIdentity(TriggerKey)
        .ForJob(Key)
        .WithDescription(Description)
        .StartNow()
        .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(Interval).RepeatForever().WithMisfireInstruction(Misfire))
        .Build();

    /// <summary>Whether a stored trigger already says what this job asks for (then it is left as it is, next fire time included).</summary>
    public bool IsScheduledBy(ITrigger? trigger) =>
        trigger is ISimpleTrigger simple && simple.JobKey.Equals(Key) && simple.RepeatInterval == Interval
        && simple.RepeatCount == SimpleTriggerImpl.RepeatIndefinitely && simple.MisfireInstruction == Misfire;
}

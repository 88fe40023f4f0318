namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>One execution of <see cref="RecordingJob"/>: the time it was scheduled for, when it ran, and on which scheduler instance.</summary>
public sealed record Firing(DateTimeOffset? ScheduledFor, DateTimeOffset FiredAt, string InstanceId);

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>The platform's one Quartz scheduler: its stable name (the sched_name every node of a cluster shares) and its tables.</summary>
public static class PlatformScheduler
{
    public const string Name = "reverse-logistics";
    public const string TablePrefix = "qrtz_";
    public const string SweepGroup = "sweeps";

    /// <summary>How often each timer sweep runs; a timer is late by at most this much.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often orphaned capacity bookings are looked for; they only cost capacity, not correctness.</summary>
    public static readonly TimeSpan OrphanSweepInterval = TimeSpan.FromMinutes(15);

    /// <summary>The platform's recurring jobs, registered (idempotently) at every start.</summary>
    public static IReadOnlyList<RecurringJob> RecurringJobs { get; } =
    [
        new(LabelExpiryJob.Key, typeof(LabelExpiryJob), SweepInterval, "Expires returns whose label outlived the policy's validity unshipped"),
        new(InspectionSlaJob.Key, typeof(InspectionSlaJob), SweepInterval, "Escalates received returns left uninspected beyond the policy's SLA"),
        new(ManifestJob.Key, typeof(ManifestJob), SweepInterval, "Builds the manifest of every carrier pickup window past its cut-off"),
        new(MissedPickupJob.Key, typeof(MissedPickupJob), SweepInterval, "Rebooks pickups whose window ended without a pick-up scan, then raises them"),
        new(OrphanedBookingJob.Key, typeof(OrphanedBookingJob), OrphanSweepInterval, "Releases centre and pickup-window bookings that no return holds"),
    ];
}

namespace ReverseLogistics.Domain.Pickups;

/// <summary>
/// A recurring carrier pickup at a location: the cron expression names the cut-offs (in the location's time
/// zone); the carrier arrives <see cref="PickupAfter"/> later and stays <see cref="Window"/>.
/// </summary>
public sealed record PickupSchedule
{
    public static readonly TimeSpan DefaultPickupAfter = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(60);

    public string Id { get; init; } = "";
    public string CarrierId { get; init; } = "";
    public PickupLocation Location { get; init; } = new();
    public string CronExpression { get; init; } = "";
    public TimeSpan PickupAfter { get; init; } = DefaultPickupAfter;
    public TimeSpan Window { get; init; } = DefaultWindow;

    /// <summary>The carrier's visit for the cut-off at <paramref name="cutoffUtc"/>; its id is the schedule's and the cut-off's.</summary>
    public PickupSlot SlotFor(DateTime cutoffUtc, TimeZoneInfo zone)
    {
        var startUtc = cutoffUtc + PickupAfter;
        var endUtc = startUtc + Window;
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var localEnd = TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone);
        return new PickupSlot(CarrierId, DateOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localEnd),
            zone.Id, startUtc, endUtc, cutoffUtc, Capacity: 0);
    }

    /// <summary>The manifest id of the occurrence whose cut-off is <paramref name="cutoffUtc"/>.</summary>
    public string ManifestIdFor(DateTime cutoffUtc) => PickupSlot.WindowIdOf(Id, cutoffUtc);
}

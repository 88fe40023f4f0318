namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// When a routed parcel is expected at its centre: the approval day (UTC) plus a fixed transit time.
/// Deliberately simple: capacity is booked on this day, and routing checks opening days against it.
/// </summary>
public static class ArrivalEstimate
{
    public const int TransitDays = 2;

    public static DateOnly For(DateTime approvedAt) => DateOnly.FromDateTime(approvedAt).AddDays(TransitDays);
}

namespace ReverseLogistics.Silo.Analytics;

/// <summary>How far the analytics backfill of one set of facets got: the last return it went past, and whether it finished.</summary>
public sealed class AnalyticsBackfillState
{
    public string? AfterTenantId { get; set; }
    public string? AfterReturnId { get; set; }
    public long Counted { get; set; }
    public bool Done { get; set; }
}

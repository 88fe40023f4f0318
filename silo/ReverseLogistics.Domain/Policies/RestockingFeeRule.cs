namespace ReverseLogistics.Domain.Policies;

/// <summary>Restocking fee as a percent of a line's value after grading, with per-category overrides.</summary>
public sealed record RestockingFeeRule
{
    public decimal DefaultPercent { get; init; }
    public IReadOnlyList<CategoryPercent> CategoryOverrides { get; init; } = [];

    public decimal PercentFor(string category) =>
        CategoryOverrides.FirstOrDefault(o => o.Category == category)?.Percent ?? DefaultPercent;
}

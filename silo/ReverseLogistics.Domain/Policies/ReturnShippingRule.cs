using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Policies;

/// <summary>Return shipping is free for some categories; otherwise a flat fee is charged once per return.</summary>
public sealed record ReturnShippingRule
{
    public IReadOnlyList<string> FreeCategories { get; init; } = [];
    public Money Fee { get; init; }
}

using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Policies;

/// <summary>
/// When a return is approved without a person looking at it. Every configured condition
/// must hold; an unset condition is not checked. Disabled means every return is reviewed.
/// </summary>
public sealed record AutoApproveRule
{
    public bool Enabled { get; init; }

    /// <summary>The eligible lines' value, inclusive.</summary>
    public Money? MaxTotalValue { get; init; }

    /// <summary>Each eligible line's reason must be one of these or a descendant of one; empty means any reason.</summary>
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    public bool RequireCustomerNotFlagged { get; init; }
}

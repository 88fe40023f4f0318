namespace ReverseLogistics.Domain.Analytics;

/// <summary>One group's figures (a SKU, a category, or "" for the whole business): the range's total and each period.</summary>
public sealed record RateGroup(string Group, RatePeriod Total, IReadOnlyList<RatePeriod> Periods);

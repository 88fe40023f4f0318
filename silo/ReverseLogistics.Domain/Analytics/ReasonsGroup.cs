namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// One group's reasons: its units returned, the top reasons (most units first, equal units by code), the units of the
/// rest, the units of the previous period, and the reason whose share grew most since.
/// </summary>
public sealed record ReasonsGroup(
    string Group, long UnitsReturned, IReadOnlyList<ReasonShare> Reasons, long OtherUnits, long PreviousUnitsReturned, ReasonGrowth? FastestGrowing);

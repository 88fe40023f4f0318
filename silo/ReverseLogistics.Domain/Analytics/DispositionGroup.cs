namespace ReverseLogistics.Domain.Analytics;

/// <summary>One group's units by grade and disposition (by grade, then disposition) and their values per currency (by code).</summary>
public sealed record DispositionGroup(string Group, long Units, IReadOnlyList<DispositionCell> Cells, IReadOnlyList<RecoveryValue> Values);

namespace ReverseLogistics.Domain.Policies;

/// <summary>The percent of a unit's price refunded for each inspection grade.</summary>
public sealed record GradeRefunds
{
    public decimal APercent { get; init; } = 100;
    public decimal BPercent { get; init; } = 100;
    public decimal CPercent { get; init; } = 50;
    public decimal DPercent { get; init; }
    public decimal ScrapPercent { get; init; }

    public decimal PercentFor(InspectionGrade grade) => grade switch
    {
        InspectionGrade.A => APercent,
        InspectionGrade.B => BPercent,
        InspectionGrade.C => CPercent,
        InspectionGrade.D => DPercent,
        InspectionGrade.Scrap => ScrapPercent,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade."),
    };
}

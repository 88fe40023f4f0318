using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>Units of one grade given one disposition.</summary>
public sealed record DispositionCell(InspectionGrade Grade, Disposition Disposition, long Units);

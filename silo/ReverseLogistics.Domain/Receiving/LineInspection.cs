using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>How one line's received units were found: their grade, what differs from the request, and the evidence.</summary>
public sealed record LineInspection(
    InspectionGrade Grade,
    string? Notes,
    IReadOnlyList<string> PhotoReferences,
    IReadOnlyList<MismatchFlag> Mismatches,
    string Actor,
    DateTime At);

namespace ReverseLogistics.Domain.Policies;

/// <summary>The condition a returned unit is graded in at inspection.</summary>
public enum InspectionGrade
{
    /// <summary>As new.</summary>
    A = 1,
    /// <summary>Opened or lightly used, resellable.</summary>
    B = 2,
    /// <summary>Visibly used or incomplete.</summary>
    C = 3,
    /// <summary>Damaged by the customer.</summary>
    D = 4,
    /// <summary>Not worth anything.</summary>
    Scrap = 5,
}

namespace ReverseLogistics.Domain.Receiving;

public enum DiscrepancyKind
{
    /// <summary>More units of a line than the return still expected.</summary>
    ExtraUnits = 1,
    /// <summary>A SKU that is on no line of the return.</summary>
    UnexpectedItem = 2,
}

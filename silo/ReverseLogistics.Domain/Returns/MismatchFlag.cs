namespace ReverseLogistics.Domain.Returns;

/// <summary>What inspection found that differs from the return request; each changes the refund (see <see cref="RefundCalculator"/>).</summary>
public enum MismatchFlag
{
    /// <summary>The unit is not the SKU sold.</summary>
    WrongItem = 1,
    /// <summary>The unit came back without some of its parts or accessories.</summary>
    MissingParts = 2,
}

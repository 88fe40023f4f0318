namespace ReverseLogistics.Domain.Receiving;

/// <summary>What becomes of an inspected line's units.</summary>
public enum Disposition
{
    /// <summary>Back on the shelf as a graded resale SKU (see <see cref="ResaleSku"/>).</summary>
    Restock = 1,
    Refurbish = 2,
    Liquidate = 3,
    Recycle = 4,
    ReturnToVendor = 5,
    Dispose = 6,
}

using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// What a returned unit recovers, as a percent of the line's unit price, by its disposition and grade (docs/analytics.md).
/// An estimate for the disposition mix, the same for every merchant: the domain records no sale of returned goods.
/// </summary>
public static class RecoveryTable
{
    //                                                  A    B    C    D  Scrap
    private static readonly decimal[] Restock =        [100, 80, 60, 0, 0];
    private static readonly decimal[] Refurbish =      [70, 60, 50, 30, 0];
    private static readonly decimal[] ReturnToVendor = [50, 40, 30, 20, 10];
    private static readonly decimal[] Liquidate =      [35, 25, 15, 10, 5];
    private static readonly decimal[] Recycle =        [2, 2, 2, 2, 2];
    private static readonly decimal[] Dispose =        [0, 0, 0, 0, 0];

    public static decimal PercentFor(Disposition disposition, InspectionGrade grade)
    {
        var row = disposition switch
        {
            Disposition.Restock => Restock,
            Disposition.Refurbish => Refurbish,
            Disposition.ReturnToVendor => ReturnToVendor,
            Disposition.Liquidate => Liquidate,
            Disposition.Recycle => Recycle,
            Disposition.Dispose => Dispose,
            _ => throw new ArgumentOutOfRangeException(nameof(disposition)),
        };
        return row[(int)grade - 1];
    }

    /// <summary>What <paramref name="units"/> units priced <paramref name="unitPrice"/> recover, rounded half away from zero.</summary>
    public static Money Recovered(Money unitPrice, int units, Disposition disposition, InspectionGrade grade) =>
        unitPrice.Times(units).Percent(PercentFor(disposition, grade));
}

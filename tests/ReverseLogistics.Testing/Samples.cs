using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Testing;

/// <summary>A merchant policy and a request that fit it, for tests to vary one thing at a time.</summary>
public static class Samples
{
    public static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    public static Money Usd(long cents) => new(cents, "USD");

    public static ReturnPolicy Policy { get; } = new()
    {
        CurrencyCode = "USD",
        WindowDays = 30,
        NonReturnableSkus = ["SKU-FINAL"],
        NonReturnableCategories = ["gift_cards"],
        Reasons =
        [
            new ReasonRule { Code = "wrong_size" },
            new ReasonRule { Code = "changed_mind" },
            new ReasonRule { Code = "defective", WaivesFees = true },
            new ReasonRule { Code = "damaged", RequiresPhoto = true, WaivesFees = true },
            new ReasonRule { Code = "damaged.in_transit", ParentCode = "damaged" },
        ],
        RestockingFee = new RestockingFeeRule { DefaultPercent = 10, CategoryOverrides = [new CategoryPercent("electronics", 15)] },
        ReturnShipping = new ReturnShippingRule { FreeCategories = ["shoes"], Fee = Usd(5_95) },
        Resolutions = new ResolutionOptions { Allowed = [Resolution.RefundToOriginalPayment, Resolution.StoreCredit], StoreCreditBonusPercent = 10 },
        AutoApprove = new AutoApproveRule { Enabled = true, MaxTotalValue = Usd(100_00), ReasonCodes = ["wrong_size", "damaged"], RequireCustomerNotFlagged = true },
        Fraud = new FraudRule { LookbackDays = 90, MaxReturns = 3 },
    };

    public static ReturnLine Line(string sku = "SKU-1", string category = "apparel", long cents = 20_00, int quantity = 1, string reason = "wrong_size") => new()
    {
        OrderReference = "ORD-1",
        Sku = sku,
        Category = category,
        Quantity = quantity,
        PurchasedQuantity = Math.Max(quantity, 1),
        UnitPrice = Usd(cents),
        PurchasedAt = Now.AddDays(-12),
        DeliveredAt = Now.AddDays(-10),
        ReasonCode = reason,
    };

    public static ReturnRequest Request(params ReturnLine[] lines) => new()
    {
        CustomerReference = "CUST-9",
        CustomerAddress = new CustomerAddress { Line1 = "1 Main St", City = "Springfield", PostalCode = "12345", CountryCode = "US" },
        Lines = lines.Length > 0 ? lines : [Line()],
        RequestedResolution = Resolution.RefundToOriginalPayment,
        ReturnMethod = ReturnMethod.CarrierPickup,
    };
}

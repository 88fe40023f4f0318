using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Demo;

/// <summary>The returns the demo's customers ask for: one in Portland, one in New York.</summary>
public static class DemoReturns
{
    public static readonly Address Portland = new()
    {
        Name = "Jane Doe", Line1 = "12 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US", Latitude = 45.51, Longitude = -122.66,
    };

    public static readonly Address NewYork = new()
    {
        Name = "Sam Lee", Line1 = "350 5th Ave", City = "New York", PostalCode = "10118", CountryCode = "US", Latitude = 40.75, Longitude = -73.99,
    };

    public static CreateReturnRequest Request(string customer, Address address, ReturnMethod method, string sku, string category, long unitPrice,
        int quantity, string reason) => new()
    {
        RequestId = DemoSetup.NewId(),
        CustomerReference = customer,
        CustomerAddress = address.Clone(),
        ReturnMethod = method,
        RequestedResolution = Resolution.RefundToOriginalPayment,
        Lines =
        {
            new ReturnLineInput
            {
                OrderReference = "SO-DEMO-" + customer.ToUpperInvariant(), Sku = sku, Category = category, Quantity = quantity, PurchasedQuantity = quantity,
                UnitPrice = new Money { MinorUnits = unitPrice, CurrencyCode = DemoWorld.Currency },
                PurchasedAt = Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(-6)),
                DeliveredAt = Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(-3)),
                ReasonCode = reason,
            },
        },
    };

    public static string Amount(Money? money) =>
        money is null ? "none" : $"{money.MinorUnits / 100}.{Math.Abs(money.MinorUnits % 100):00} {money.CurrencyCode}";
}

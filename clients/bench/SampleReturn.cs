using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.V1;

namespace ReverseLogistics.Samples;

/// <summary>
/// The benchmarks' return, compiled into each benchmark tool (bench, rl-loadgen): the tests' sample
/// (tests/ReverseLogistics.FunctionalTests/Support/Returns.cs NewReturn), one tent delivered three days ago, carrier pickup.
/// </summary>
internal static class SampleReturn
{
    public static CreateReturnRequest New(string customerReference)
    {
        var request = new CreateReturnRequest
        {
            CustomerReference = customerReference,
            CustomerAddress = new Address { Name = "Jane Doe", Line1 = "12 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" },
            RequestedResolution = Resolution.RefundToOriginalPayment,
            ReturnMethod = ReturnMethod.CarrierPickup,
        };
        request.Lines.Add(new ReturnLineInput
        {
            OrderReference = "SO-1001",
            Sku = "TENT-2P",
            Category = "outdoor",
            Quantity = 1,
            PurchasedQuantity = 1,
            UnitPrice = new Money { MinorUnits = 129_00, CurrencyCode = "USD" },
            PurchasedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-5)),
            DeliveredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-3)),
            ReasonCode = "changed_mind",
        });
        return request;
    }
}

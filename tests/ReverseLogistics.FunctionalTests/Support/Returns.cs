using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Sample requests for ReturnsService.</summary>
public static class Returns
{
    public static ReturnLineInput Line(string sku = "TENT-2P", string category = "outdoor", long unitPrice = 129_00, int quantity = 1,
        string reason = "changed_mind", int deliveredDaysAgo = 3, string order = "SO-1001") => new()
    {
        OrderReference = order,
        Sku = sku,
        Category = category,
        Quantity = quantity,
        PurchasedQuantity = quantity,
        UnitPrice = new Money { MinorUnits = unitPrice, CurrencyCode = "USD" },
        PurchasedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-deliveredDaysAgo - 2)),
        DeliveredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-deliveredDaysAgo)),
        ReasonCode = reason,
    };

    public static CreateReturnRequest NewReturn(string customer = "cust-1", ReturnMethod method = ReturnMethod.CarrierPickup, params ReturnLineInput[] lines)
    {
        var request = new CreateReturnRequest
        {
            RequestId = TenantAdmin.NewRequestId(),
            CustomerReference = customer,
            CustomerAddress = new Address { Name = "Jane Doe", Line1 = "12 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" },
            RequestedResolution = Resolution.RefundToOriginalPayment,
            ReturnMethod = method,
        };
        request.Lines.AddRange(lines.Length == 0 ? [Line()] : lines);
        return request;
    }
}

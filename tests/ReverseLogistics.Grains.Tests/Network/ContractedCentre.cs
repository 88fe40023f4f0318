using Orleans;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using static ReverseLogistics.Grains.Tests.Calls;

namespace ReverseLogistics.Grains.Tests.Network;

/// <summary>
/// A centre of one merchant's own, set up through the network grains: a carrier collecting anywhere in the US and
/// delivering there, and the merchant's contract naming it. Fresh ids, so tests sharing a cluster route independently.
/// </summary>
public static class ContractedCentre
{
    public static async Task<string> SetUpAsync(IGrainFactory grains, string tenantId, int dailyCapacity = 10)
    {
        var centreId = NewCentreId();
        var carrierId = "CARRIER-" + centreId;
        await grains.FulfillmentCenter(centreId).CreateAsync(Centre(centreId, dailyCapacity), Operator, Ticket(TenantIds.Platform));
        await grains.Carrier(carrierId).CreateAsync(Carrier(carrierId, centreId), Operator, Ticket(TenantIds.Platform));
        await grains.TenantContract(tenantId).SetAsync(new TenantContract(tenantId, [centreId]), Operator, Ticket(TenantIds.Platform));
        return centreId;
    }

    public static string NewCentreId() => "FC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A centre in Reno receiving every day.</summary>
    public static FulfillmentCenter Centre(string id, int dailyCapacity) => new()
    {
        Id = id, Name = "Centre " + id, AddressLines = ["1 Dock Road"], City = "Reno", PostalCode = "89501", CountryCode = "US",
        TimeZone = "America/Los_Angeles", DailyCapacity = dailyCapacity,
    };

    public static Carrier Carrier(string id, params string[] centreIds) => new()
    {
        Id = id, Name = "Carrier " + id, ServiceAreas = [new ServiceArea("US", [])], ReturnMethods = [ReturnMethod.CarrierPickup, ReturnMethod.DropOffPoint],
        CostPerParcel = new Money(6_50, "USD"), CenterIds = centreIds,
    };
}

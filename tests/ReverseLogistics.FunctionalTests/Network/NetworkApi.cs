using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>Sample centres, carriers and contracts for NetworkService.</summary>
public static class NetworkApi
{
    /// <summary>A fresh id prefix, so tests sharing a silo never touch each other's centres and carriers.</summary>
    public static string NewPrefix() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A centre in Reno, Nevada, receiving every day.</summary>
    public static FulfillmentCenter Centre(string id, int capacity = 100, double latitude = 39.53, double longitude = -119.81) => new()
    {
        FulfillmentCenterId = id,
        Name = "Centre " + id,
        AddressLines = { "1 Dock Road" },
        City = "Reno",
        PostalCode = "89501",
        CountryCode = "US",
        Location = new GeoLocation { Latitude = latitude, Longitude = longitude },
        TimeZone = "America/Los_Angeles",
        DailyCapacity = capacity,
        Services = { CenterService.Grading },
    };

    /// <summary>A carrier collecting carrier pickups and drop-offs in <paramref name="country"/>, delivering to the centres named.</summary>
    public static Carrier CarrierTo(string id, string country, params string[] centres) => new()
    {
        CarrierId = id,
        Name = "Carrier " + id,
        ServiceAreas = { new ServiceArea { CountryCode = country } },
        ReturnMethods = { ReturnMethod.CarrierPickup, ReturnMethod.DropOffPoint },
        CostPerParcel = new Money { MinorUnits = 6_50, CurrencyCode = "EUR" },
        FulfillmentCenterIds = { centres },
        PickupWindows = { new PickupWindow { Day = Weekday.Monday, Starts = "09:00", Ends = "12:00", Capacity = 40 } },
        LabelFormat = LabelFormat.Zpl,
    };

    public static TenantContract Contract(string tenantId, params string[] centres) => new() { TenantId = tenantId, FulfillmentCenterIds = { centres } };
}

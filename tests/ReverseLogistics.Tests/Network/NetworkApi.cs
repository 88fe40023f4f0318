using ReverseLogistics.Grpc.Client;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Tests.Network;

/// <summary>Client-side methods of NetworkService, and sample centres and carriers.</summary>
public static class NetworkApi
{
    private static readonly ServiceDescriptor Service = NetworkReflection.Descriptor.Services[0];

    public static readonly Method<CreateFulfillmentCenterRequest, FulfillmentCenter> CreateCenter = Method<CreateFulfillmentCenterRequest, FulfillmentCenter>.From(Service, "CreateFulfillmentCenter");
    public static readonly Method<UpdateFulfillmentCenterRequest, FulfillmentCenter> UpdateCenter = Method<UpdateFulfillmentCenterRequest, FulfillmentCenter>.From(Service, "UpdateFulfillmentCenter");
    public static readonly Method<GetFulfillmentCenterRequest, FulfillmentCenter> GetCenter = Method<GetFulfillmentCenterRequest, FulfillmentCenter>.From(Service, "GetFulfillmentCenter");
    public static readonly Method<ListFulfillmentCentersRequest, ListFulfillmentCentersResponse> ListCenters = Method<ListFulfillmentCentersRequest, ListFulfillmentCentersResponse>.From(Service, "ListFulfillmentCenters");
    public static readonly Method<CreateCarrierRequest, Carrier> CreateCarrier = Method<CreateCarrierRequest, Carrier>.From(Service, "CreateCarrier");
    public static readonly Method<UpdateCarrierRequest, Carrier> UpdateCarrier = Method<UpdateCarrierRequest, Carrier>.From(Service, "UpdateCarrier");
    public static readonly Method<ListCarriersRequest, ListCarriersResponse> ListCarriers = Method<ListCarriersRequest, ListCarriersResponse>.From(Service, "ListCarriers");
    public static readonly Method<SetTenantContractRequest, TenantContract> SetContract = Method<SetTenantContractRequest, TenantContract>.From(Service, "SetTenantContract");
    public static readonly Method<GetTenantContractRequest, TenantContract> GetContract = Method<GetTenantContractRequest, TenantContract>.From(Service, "GetTenantContract");
    public static readonly Method<RouteReturnRequest, V1.Routing> RouteReturn = Method<RouteReturnRequest, V1.Routing>.From(Service, "RouteReturn");
    public static readonly Method<RerouteReturnRequest, Return> RerouteReturn = Method<RerouteReturnRequest, Return>.From(Service, "RerouteReturn");

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

using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>
/// A network the operator sets up over gRPC: a centre in Portland and one in New York, a carrier covering the US
/// that delivers to both, and a merchant contracted to both with New York preferred. A customer located in
/// Portland is routed to Portland on distance. Ids carry a fresh prefix, so networks can share a silo.
/// </summary>
public sealed record TwoCentreNetwork(string Portland, string NewYork, string CarrierId, string TenantId, CallOptions Merchant)
{
    public static async Task<TwoCentreNetwork> CreateAsync(PlatformClient client, string operatorKey)
    {
        var prefix = NewPrefix();
        var @operator = As(operatorKey);
        var portland = Centre(prefix + "-PDX", latitude: 45.52, longitude: -122.68);
        var newYork = Centre(prefix + "-NYC", latitude: 40.71, longitude: -74.0);
        foreach (var centre in new[] { portland, newYork })
            await client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, @operator);
        var carrier = CarrierTo(prefix + "-UPS", "US", portland.FulfillmentCenterId, newYork.FulfillmentCenterId);
        await client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = carrier }, @operator);
        var (tenantId, merchantKey) = await NewMerchantAsync(client, operatorKey);
        await client.Network.SetTenantContractAsync(new SetTenantContractRequest
        {
            RequestId = NewRequestId(), Contract = Contract(tenantId, newYork.FulfillmentCenterId, portland.FulfillmentCenterId),
        }, @operator);
        return new TwoCentreNetwork(portland.FulfillmentCenterId, newYork.FulfillmentCenterId, carrier.CarrierId, tenantId, As(merchantKey));
    }

    /// <summary>A return from a customer in Portland, with a known location.</summary>
    public static CreateReturnRequest PortlandReturn(ReturnMethod method = ReturnMethod.CarrierPickup, params ReturnLineInput[] lines)
    {
        var request = Returns.NewReturn(method: method, lines: lines);
        (request.CustomerAddress.Latitude, request.CustomerAddress.Longitude) = (45.51, -122.66);
        return request;
    }
}

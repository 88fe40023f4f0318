using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Demo;

/// <summary>
/// The small network `rlctl demo` builds, with the operator's key: a merchant and its key, a centre in Portland and
/// one in New York (a handheld key each), a carrier collecting in both cities every day, a contract naming both
/// centres, and, with the merchant's key, a policy that approves returns up to 150.00 USD and sends the rest to review.
/// </summary>
public static class DemoSetup
{
    public const long AutoApproveLimit = 150_00;

    public static async Task<DemoWorld> CreateAsync(Connection connection, string tenantId, string suffix, CancellationToken cancellationToken)
    {
        var output = connection.Output;
        var call = new CallOptions(cancellationToken: cancellationToken);
        var prefix = "DEMO-" + suffix.ToUpperInvariant();
        var world = new DemoWorld(tenantId, prefix + "-PDX", prefix + "-NYC", prefix + "-PARCEL") { Operator = connection.Client };
        var network = world.Operator.Network;
        try
        {
            try
            {
                await world.Operator.Tenants.CreateTenantAsync(new CreateTenantRequest
                {
                    RequestId = NewId(), TenantId = tenantId, DisplayName = "Demo Outdoor (" + tenantId + ")",
                    RateLimit = new RateLimit { RequestsPerSecond = 50, Burst = 100 },
                }, call);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                throw new RpcException(new Status(e.StatusCode, $"{e.Status.Detail} Name another with --tenant, or leave it out for a fresh one."));
            }
            var merchantKey = await world.Operator.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                RequestId = NewId(), TenantId = tenantId, Role = Role.Merchant, Description = "rlctl demo",
            }, call);
            (world.Merchant, world.MerchantKeyId) = (connection.ClientFor(merchantKey.Secret), merchantKey.ApiKey.KeyId);
            output.Note($"  ✓ merchant {tenantId} (50 requests/s) and its key {merchantKey.ApiKey.KeyId}");

            await network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest
            {
                RequestId = NewId(),
                FulfillmentCenter = Centre(world.Portland, "Portland returns", "5000 N Basin Ave", "Portland", "97217", 45.58, -122.72, "America/Los_Angeles"),
            }, call);
            await network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest
            {
                RequestId = NewId(),
                FulfillmentCenter = Centre(world.NewYork, "New York returns", "100 Dock St", "New York", "11231", 40.68, -74.01, "America/New_York"),
            }, call);
            output.Note($"  ✓ centres {world.Portland} (Portland) and {world.NewYork} (New York), 200 units a day, grading");

            var carrier = new Carrier
            {
                CarrierId = world.CarrierId,
                Name = "Demo Parcel",
                ServiceAreas = { new ServiceArea { CountryCode = "US", PostalPrefixes = { "97", "10", "11" } } },
                ReturnMethods = { ReturnMethod.CarrierPickup, ReturnMethod.DropOffPoint },
                CostPerParcel = new Money { MinorUnits = 6_50, CurrencyCode = DemoWorld.Currency },
                FulfillmentCenterIds = { world.Portland, world.NewYork },
            };
            foreach (var day in Enum.GetValues<Weekday>().Where(d => d != Weekday.Unspecified))
                carrier.PickupWindows.Add(new PickupWindow { Day = day, Starts = "09:00", Ends = "12:00", Capacity = 20 });
            await network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewId(), Carrier = carrier }, call);
            output.Note($"  ✓ carrier {world.CarrierId}: postal codes US 97*, 10*, 11*; pickups every day 09:00-12:00 (20 a day); drop-off points");

            await network.SetTenantContractAsync(new SetTenantContractRequest
            {
                RequestId = NewId(), Contract = new TenantContract { TenantId = tenantId, FulfillmentCenterIds = { world.Portland, world.NewYork } },
            }, call);
            output.Note($"  ✓ contract: {tenantId} is served by {world.Portland}, then {world.NewYork}");

            foreach (var centre in new[] { world.Portland, world.NewYork })
            {
                var key = await world.Operator.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
                {
                    RequestId = NewId(), Role = Role.Handheld, FulfillmentCenterId = centre, Description = "rlctl demo handheld",
                }, call);
                world.Handhelds[centre] = connection.ClientFor(key.Secret);
                world.HandheldKeyIds.Add(key.ApiKey.KeyId);
            }
            output.Note($"  ✓ a handheld key for each centre ({string.Join(", ", world.HandheldKeyIds)})");

            var policy = await world.Merchant.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), call);
            policy.AutoApprove = new AutoApproval
            {
                Enabled = true, MaxTotalValue = new Money { MinorUnits = AutoApproveLimit, CurrencyCode = DemoWorld.Currency }, RequireCustomerNotFlagged = true,
            };
            policy.RestockingFee = new RestockingFee { DefaultPercent = 10 };
            policy.GradeRefunds = new GradeRefunds { APercent = 100, BPercent = 80, CPercent = 50, DPercent = 20, ScrapPercent = 0 };
            await world.Merchant.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewId(), Policy = policy }, call);
            output.Note($"  ✓ policy: approved automatically up to {AutoApproveLimit / 100}.00 {DemoWorld.Currency}, above that manual review; " +
                "10 % restocking; grade B refunds 80 %");
            return world;
        }
        catch
        {
            world.Dispose();
            throw;
        }
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    private static FulfillmentCenter Centre(string id, string name, string street, string city, string postalCode, double latitude, double longitude,
        string timeZone) => new()
    {
        FulfillmentCenterId = id,
        Name = name,
        AddressLines = { street },
        City = city,
        PostalCode = postalCode,
        CountryCode = "US",
        Location = new GeoLocation { Latitude = latitude, Longitude = longitude },
        TimeZone = timeZone,
        DailyCapacity = 200,
        Services = { CenterService.Grading },
    };
}

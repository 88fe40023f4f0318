using ReverseLogistics.V1;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// A fulfilment network of one run's own, set up with the operator key (as the functional tests' NetworkApi does): centres
/// in Reno, each accepting one category of its own so that a return goes to the centre its category names; a carrier
/// covering the US for carrier pickups and drop-offs, delivering to every centre, with hourly pickup windows every day;
/// and the run's tenant contracted to every centre. Ids start with the tenant's, so runs can share a silo.
/// </summary>
internal sealed record LoadNetwork(IReadOnlyList<string> Centres, string CarrierId, TimeZoneInfo Zone, int WindowCapacity)
{
    private const string TimeZoneId = "America/Los_Angeles";

    /// <summary>Local start hours of the carrier's pickup windows, every day: an hour each, 08:00 to 20:00.</summary>
    public static readonly IReadOnlyList<int> WindowHours = [.. Enumerable.Range(8, 12)];

    /// <summary>The category only centre <paramref name="centre"/> accepts.</summary>
    public static string CategoryOf(int centre) => $"lg-centre-{centre}";

    public static async Task<LoadNetwork> CreateAsync(LoadSettings settings, string tenantId, int centres, int windowCapacity,
        CancellationToken cancellationToken)
    {
        using var asOperator = settings.SetupClient(settings.OperatorKey);
        var prefix = tenantId.ToUpperInvariant();
        var ids = Enumerable.Range(0, centres).Select(i => $"{prefix}-FC{i}").ToList();
        for (var i = 0; i < centres; i++)
            await asOperator.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest
            {
                FulfillmentCenter = new FulfillmentCenter
                {
                    FulfillmentCenterId = ids[i],
                    Name = $"rl-loadgen centre {i}",
                    AddressLines = { "1 Dock Road" },
                    City = "Reno",
                    PostalCode = "89501",
                    CountryCode = "US",
                    Location = new GeoLocation { Latitude = 39.53, Longitude = -119.81 },
                    TimeZone = TimeZoneId,
                    CategoriesAccepted = { CategoryOf(i) },
                    Services = { CenterService.Grading },
                    // Far more than a run books on one arrival day: routing never finds a centre full.
                    DailyCapacity = 1_000_000,
                },
            }, cancellationToken: cancellationToken);

        var carrier = new Carrier
        {
            CarrierId = $"{prefix}-CARRIER",
            Name = "rl-loadgen carrier",
            ServiceAreas = { new ServiceArea { CountryCode = "US" } },
            ReturnMethods = { ReturnMethod.CarrierPickup, ReturnMethod.DropOffPoint },
            CostPerParcel = new Money { MinorUnits = 6_50, CurrencyCode = "EUR" },
            FulfillmentCenterIds = { ids },
            LabelFormat = LabelFormat.Zpl,
        };
        foreach (var day in Enumerable.Range(1, 7))
            foreach (var hour in WindowHours)
                carrier.PickupWindows.Add(new PickupWindow { Day = (Weekday)day, Starts = $"{hour:00}:00", Ends = $"{hour + 1:00}:00", Capacity = windowCapacity });
        await asOperator.Network.CreateCarrierAsync(new CreateCarrierRequest { Carrier = carrier }, cancellationToken: cancellationToken);

        await asOperator.Network.SetTenantContractAsync(new SetTenantContractRequest
        {
            Contract = new TenantContract { TenantId = tenantId, FulfillmentCenterIds = { ids } },
        }, cancellationToken: cancellationToken);
        return new LoadNetwork(ids, carrier.CarrierId, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), windowCapacity);
    }

    /// <summary>A handheld key of each centre, in the order of <see cref="Centres"/>.</summary>
    public async Task<IReadOnlyList<string>> HandheldKeysAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        using var asOperator = settings.SetupClient(settings.OperatorKey);
        var keys = new List<string>();
        foreach (var centre in Centres)
        {
            var key = await asOperator.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Role = Role.Handheld, FulfillmentCenterId = centre, Description = "rl-loadgen handheld",
            }, cancellationToken: cancellationToken);
            keys.Add(key.Secret);
        }
        return keys;
    }

    /// <summary>Tomorrow's date where the centres are, which is where pickup windows are read.</summary>
    public DateOnly Tomorrow => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime).AddDays(1);
}

using System.Text.Json;
using ReverseLogistics.Domain.Network;
using static ReverseLogistics.UnitTests.Routing.RoutingSamples;

namespace ReverseLogistics.UnitTests.Routing;

public sealed class NetworkJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_network_survives_a_json_round_trip()
    {
        var network = NetworkOf(Berlin with
        {
            OpeningHours = [new(DayOfWeek.Monday, new(8, 30), new(17, 0))],
            CategoriesAccepted = ["shoes"],
            TenantsServed = ["acme"],
            Status = CenterStatus.Paused,
        });

        var json = JsonSerializer.Serialize(network, Web);
        var back = JsonSerializer.Deserialize<FulfillmentNetwork>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, Web));
        var berlin = back.Centers[0];
        Assert.Equal((new GeoPoint(52.52, 13.405), new TimeOnly(8, 30), CenterStatus.Paused), (berlin.Location, berlin.OpeningHours[0].Opens, berlin.Status));
        Assert.Equal(250, back.Carriers[2].CountryRates[0].CostPerParcel.MinorUnits);
        Assert.Equal(["14"], back.Carriers[1].ServiceAreas[0].PostalPrefixes);
        NetworkValidator.Validate(back);
    }
}

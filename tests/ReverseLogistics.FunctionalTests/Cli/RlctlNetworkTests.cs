using System.Text.Json;
using ReverseLogistics.FunctionalTests.Network;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>
/// rlctl as the 3PL's operators use it: carriers, routing, reroutes, tracking, and a merchant's pickup bookings. On the
/// network tests' silo: once a silo has a network, returns of tenants without a contract no longer go to the default centre.
/// </summary>
[Collection(NetworkSiloCollection.Name)]
public sealed class RlctlNetworkTests(NetworkSiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> With(string key, params string[] args) => _rlctl.RunAsync(["--address", silo.Address, "--key", key, .. args]);

    private Task<Rlctl.Result> AsOperator(params string[] args) => With(NetworkSiloFixture.OperatorKey, args);

    private static JsonElement Json(Rlctl.Result result)
    {
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        return JsonDocument.Parse(result.Output).RootElement;
    }

    [Fact]
    public async Task An_operator_creates_reads_and_updates_a_carrier()
    {
        var id = "CLI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var created = Json(await AsOperator("network", "carriers", "create", id, "--name", "CLI Parcel", "--area", "MX:010,011", "--area", "CA",
            "--method", "carrier-pickup", "--cost", "650", "--currency", "EUR", "--rate", "CA:900", "--window", "monday:09:00-12:00:20",
            "--window", "friday:13:00-17:00:5", "--label-format", "zpl", "--json"));
        var updated = Json(await AsOperator("network", "carriers", "update", id, "--window", "tuesday:08:00-10:00:3", "--cutoff-minutes", "60", "--json"));
        var read = Json(await AsOperator("network", "carriers", "get", id, "--json"));
        var list = await AsOperator("network", "carriers", "list");
        var listed = Json(await AsOperator("network", "carriers", "list", "--json"));
        var missing = await AsOperator("network", "carriers", "get", "NO-SUCH-CARRIER");
        var badWindow = await AsOperator("network", "carriers", "update", id, "--window", "someday");

        Assert.Equal(["010", "011"], created.GetProperty("serviceAreas")[0].GetProperty("postalPrefixes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(2, created.GetProperty("pickupWindows").GetArrayLength());
        Assert.Equal(900, long.Parse(created.GetProperty("countryRates")[0].GetProperty("costPerParcel").GetProperty("minorUnits").GetString()!));
        Assert.Equal("WEEKDAY_TUESDAY", updated.GetProperty("pickupWindows").EnumerateArray().Single().GetProperty("day").GetString());
        Assert.Equal("CLI Parcel", updated.GetProperty("name").GetString()); // kept: no --name given
        Assert.Equal(60, read.GetProperty("pickupCutoffMinutes").GetInt32());
        Assert.Equal((0, ""), (list.ExitCode, list.Error)); // a table, its cells wrapped to the terminal's width
        Assert.DoesNotContain("{", list.Output);
        Assert.Contains(id, listed.GetProperty("carriers").EnumerateArray().Select(c => c.GetProperty("carrierId").GetString()));
        Assert.Equal(4, missing.ExitCode);
        Assert.Equal(2, badWindow.ExitCode);
    }

    [Fact]
    public async Task An_operator_previews_routes_reroutes_and_reports_tracking_and_a_merchant_books_a_pickup()
    {
        var network = await TwoCentreNetwork.CreateAsync(silo.Client, NetworkSiloFixture.OperatorKey);
        var merchantKey = network.Merchant.Headers!.GetValue("authorization")!["Bearer ".Length..];
        var created = await silo.Client.Returns.CreateReturnAsync(TwoCentreNetwork.PortlandReturn(), network.Merchant);

        var centre = Json(await AsOperator("network", "centres", "get", network.Portland, "--json"));
        var contract = Json(await AsOperator("network", "contract", "get", network.TenantId, "--json"));
        var adHoc = Json(await AsOperator("network", "route", network.TenantId, "--country", "US", "--postal-code", "10001", "--lat", "40.7", "--lon", "-74.0",
            "--method", "carrier-pickup", "--json"));
        var monday = NextMonday();
        var booked = Json(await With(merchantKey, "pickups", "book", created.ReturnId, "--date", monday, "--json"));
        var pickups = Json(await With(merchantKey, "pickups", "list", "--json"));
        var cancelled = Json(await With(merchantKey, "pickups", "cancel", created.ReturnId, "--json"));
        var rerouted = Json(await AsOperator("network", "reroute", network.TenantId, created.ReturnId, "--reason", "testing a reroute", "--json"));
        var tracking = rerouted.GetProperty("trackingNumber").GetString()!;
        var reported = Json(await AsOperator("pickups", "tracking", "report", tracking, "--kind", "picked-up", "--carrier", network.CarrierId, "--json"));

        Assert.Equal(network.Portland, centre.GetProperty("fulfillmentCenterId").GetString());
        Assert.Equal([network.NewYork, network.Portland], contract.GetProperty("fulfillmentCenterIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(network.NewYork, adHoc.GetProperty("fulfillmentCenterId").GetString());
        Assert.Equal("PICKUP_STATUS_BOOKED", booked.GetProperty("status").GetString());
        Assert.Equal(monday, booked.GetProperty("window").GetProperty("date").GetString());
        Assert.Equal([created.ReturnId], pickups.GetProperty("pickups").EnumerateArray().Select(p => p.GetProperty("returnId").GetString()));
        Assert.Equal("PICKUP_STATUS_CANCELLED", cancelled.GetProperty("status").GetString());
        Assert.Equal("RETURN_STATUS_LABEL_ISSUED", rerouted.GetProperty("status").GetString());
        Assert.Equal("TRACKING_OUTCOME_APPLIED", reported.GetProperty("outcome").GetString());
        Assert.Equal("RETURN_STATUS_IN_TRANSIT", reported.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_operator_pauses_and_resumes_a_centre_and_changes_a_tenants_rate_limit()
    {
        var network = await TwoCentreNetwork.CreateAsync(silo.Client, NetworkSiloFixture.OperatorKey);

        var paused = Json(await AsOperator("network", "centres", "pause", network.NewYork, "--json"));
        var route = await AsOperator("network", "route", network.TenantId, "--country", "US", "--lat", "40.7", "--lon", "-74.0", "--json");
        var resumed = Json(await AsOperator("network", "centres", "resume", network.NewYork, "--json"));
        var tenant = Json(await AsOperator("tenants", "update", network.TenantId, "--rps", "7", "--json"));
        var burstAlone = await AsOperator("tenants", "update", network.TenantId, "--burst", "3");

        Assert.Equal("CENTER_STATUS_PAUSED", paused.GetProperty("status").GetString());
        Assert.Equal(network.Portland, Json(route).GetProperty("fulfillmentCenterId").GetString());
        Assert.Equal("CENTER_STATUS_ACTIVE", resumed.GetProperty("status").GetString());
        Assert.Equal(paused.GetProperty("name").GetString(), resumed.GetProperty("name").GetString()); // the rest of the definition stays
        Assert.Equal((7, 14), (tenant.GetProperty("rateLimit").GetProperty("requestsPerSecond").GetInt32(), tenant.GetProperty("rateLimit").GetProperty("burst").GetInt32()));
        Assert.Equal(2, burstAlone.ExitCode);
    }

    private static string NextMonday()
    {
        var day = DateTime.UtcNow.Date.AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _rlctl.Dispose();
}

using System.Text.Json;
using ReverseLogistics.FunctionalTests.Analytics;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>
/// rlctl analytics resolution, dispositions and risk against a silo with the known history of <see cref="OutcomesWorld"/>:
/// the figures worked out there, as JSON and in the table.
/// </summary>
public sealed class RlctlOutcomesTests(EmbeddedOutcomesWorld world) : IClassFixture<EmbeddedOutcomesWorld>, IDisposable
{
    private const long Hour = 3600;
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> AsMerchant(params string[] args) => _rlctl.RunAsync(["--address", world.Silo.Address, "--key", world.MerchantAKey, .. args]);

    [Fact]
    public async Task Resolution_prints_request_to_refund_of_the_two_refunded_returns()
    {
        var json = await AsMerchant("analytics", "resolution", "--from", "2026-03-01", "--to", "2026-03-31", "--json");
        var table = await AsMerchant("analytics", "resolution", "--from", "2026-03-01", "--to", "2026-03-31");

        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        var total = JsonDocument.Parse(json.Output).RootElement.GetProperty("total").GetProperty("requestToRefund");
        Assert.Equal(("2", (27 * Hour).ToString(), (84 * Hour).ToString()),
            (total.GetProperty("count").GetString(), total.GetProperty("medianSeconds").GetString(), total.GetProperty("p90Seconds").GetString()));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("1d 3h", table.Output);
    }

    [Fact]
    public async Task Dispositions_print_units_by_grade_and_disposition_and_the_value_recovered()
    {
        var json = await AsMerchant("analytics", "dispositions", "--from", "2026-03-01", "--to", "2026-03-31", "--json");

        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        var overall = JsonDocument.Parse(json.Output).RootElement.GetProperty("groups").EnumerateArray().Single();
        Assert.Equal("3", overall.GetProperty("units").GetString());
        var usd = overall.GetProperty("values").EnumerateArray().Single();
        Assert.Equal(("35000", "12500"), (usd.GetProperty("refunded").GetProperty("minorUnits").GetString(), usd.GetProperty("recovered").GetProperty("minorUnits").GetString()));
    }

    [Fact]
    public async Task Risk_lists_the_serial_returner_at_the_policys_threshold()
    {
        var json = await AsMerchant("analytics", "risk", "--to", "2026-03-10", "--json");
        var table = await AsMerchant("analytics", "risk", "--to", "2026-03-10");

        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        var customer = JsonDocument.Parse(json.Output).RootElement.GetProperty("customers").EnumerateArray().Single();
        Assert.Equal(("serial", "4"), (customer.GetProperty("customerReference").GetString(), customer.GetProperty("returns").GetString()));
        Assert.Contains("serial", table.Output);
    }

    public void Dispose() => _rlctl.Dispose();
}

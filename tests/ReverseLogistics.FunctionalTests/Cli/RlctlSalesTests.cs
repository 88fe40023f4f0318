using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl sales report: one SKU from flags, many from a CSV file (one report per day), and the figures the return rate then divides by.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlSalesTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");

    private async Task<long> UnitsSoldAsync(string merchant, string sku, string day) =>
        (await silo.Client.Analytics.GetReturnRateAsync(new GetReturnRateRequest { FirstDay = day, LastDay = day, GroupBy = AnalyticsGrouping.Sku, Sku = sku },
            As(merchant))).Groups.Single().Total.UnitsSold;

    [Fact]
    public async Task One_sku_from_flags_is_reported_and_printed_with_the_days_figures()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var table = await _rlctl.RunAsync("sales", "report", "--day", Yesterday, "--sku", "TENT-2P", "--category", "outdoor", "--units", "1200",
            "--address", silo.Address, "--key", merchant);
        var json = await _rlctl.RunAsync("sales", "report", "--day", Yesterday, "--sku", "MAT-1", "--category", "outdoor", "--units", "5",
            "--address", silo.Address, "--key", merchant, "--json");

        Assert.Equal((0, ""), (table.ExitCode, table.Error));
        Assert.Equal([["day", "SKUs reported", "units reported", "SKUs on day", "units on day"], [Yesterday, "1", "1,200", "1", "1,200"]], TableCells.Of(table.Output));
        Assert.Equal("Reported 1,200 units of 1 SKU(s) in 1 report(s).", table.OutputLines[^1]);
        var answer = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal((Yesterday, 2, "1205"), (answer.GetProperty("day").GetString(), answer.GetProperty("skusOnDay").GetInt32(), answer.GetProperty("unitsOnDay").GetString()));
        Assert.Equal(1200, await UnitsSoldAsync(merchant, "TENT-2P", Yesterday));
    }

    [Fact]
    public async Task A_csv_file_is_reported_one_day_at_a_time_and_reporting_it_again_changes_nothing()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var file = Path.Combine(_rlctl.Home, "sales.csv");
        await File.WriteAllTextAsync(file, $"day,sku,category,units\n{Yesterday},TENT-2P,outdoor,10\n{Today},TENT-2P,outdoor,7\n{Yesterday},\"BOOT, 42\",shoes,3\n");

        var first = await _rlctl.RunAsync("sales", "report", file, "--address", silo.Address, "--key", merchant);
        var again = await _rlctl.RunAsync("sales", "report", file, "--address", silo.Address, "--key", merchant, "--json");

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal([[Yesterday, "2", "13", "2", "13"], [Today, "1", "7", "1", "7"]], TableCells.Of(first.Output).Skip(1));
        Assert.Equal(0, again.ExitCode);
        var reports = JsonDocument.Parse(again.Output).RootElement.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal([(Yesterday, "13"), (Today, "7")], reports.Select(r => (r.GetProperty("day").GetString(), r.GetProperty("unitsOnDay").GetString())));
        Assert.Equal((10, 7, 3), (await UnitsSoldAsync(merchant, "TENT-2P", Yesterday), await UnitsSoldAsync(merchant, "TENT-2P", Today),
            await UnitsSoldAsync(merchant, "BOOT, 42", Yesterday)));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_sends_nothing_and_exits_5_and_a_refused_report_names_its_field()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var file = Path.Combine(_rlctl.Home, "bad.csv");
        await File.WriteAllTextAsync(file, $"day,sku,category,units\n{Yesterday},TENT-2P,outdoor,10\n{Yesterday},MAT-1,outdoor,many\n");

        var bad = await _rlctl.RunAsync("sales", "report", file, "--address", silo.Address, "--key", merchant);
        var refused = await _rlctl.RunAsync("sales", "report", "--day", "1999-12-31", "--sku", "TENT-2P", "--units", "1", "--address", silo.Address, "--key", merchant);
        var missing = await _rlctl.RunAsync("sales", "report", "--day", Yesterday, "--address", silo.Address, "--key", merchant);

        Assert.Equal((5, "line 3: units: 'many' is not a whole number"), (bad.ExitCode, bad.ErrorLines[0]));
        Assert.Equal(0, await UnitsSoldAsync(merchant, "TENT-2P", Yesterday));
        Assert.Equal(5, refused.ExitCode);
        Assert.StartsWith("day: ", refused.ErrorLines[1]);
        Assert.Equal(2, missing.ExitCode);
    }

    public void Dispose() => _rlctl.Dispose();
}

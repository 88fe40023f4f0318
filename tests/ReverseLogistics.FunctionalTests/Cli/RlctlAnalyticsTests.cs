using System.Text.Json;
using ReverseLogistics.FunctionalTests.Analytics;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>
/// rlctl analytics against a silo with the known history of <see cref="AnalyticsWorld"/>: the figures worked out there, as
/// a table with its chart, as JSON and as CSV; paging with --all; and the platform's errors as rlctl reports every error.
/// </summary>
public sealed class RlctlAnalyticsTests(EmbeddedAnalyticsWorld world) : IClassFixture<EmbeddedAnalyticsWorld>, IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> AsMerchant(params string[] args) => _rlctl.RunAsync(["--address", world.Silo.Address, "--key", world.MerchantAKey, .. args]);

    private static readonly string[] Quarter = ["analytics", "rate", "--from", "2026-01-01", "--to", "2026-03-31", "--interval", "month"];

    [Fact]
    public async Task Rate_by_month_prints_the_months_figures_a_total_and_a_bar_per_month()
    {
        var result = await AsMerchant(Quarter);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(
        [
            ["group", "first day", "last day", "returns", "units returned", "units sold", "return rate"],
            ["(all)", "2026-01-01", "2026-01-31", "3", "5", "40", "12.5 %"],
            ["(all)", "2026-02-01", "2026-02-28", "2", "5", "80", "6.25 %"],
            ["(all)", "2026-03-01", "2026-03-31", "1", "1", "20", "5 %"],
            ["(all)", "2026-01-01", "2026-03-31", "6", "11", "140", "7.86 %"],
        ], TableCells.Of(result.Output));
        Assert.Contains("Return rate (all)", result.Output);
        Assert.Matches(@"2026-01-01 +█+ 12\.5 %", TableCells.Plain(result.Output));
        Assert.Matches(@"2026-03-01 +█+ 5 %", TableCells.Plain(result.Output));
    }

    [Fact]
    public async Task Rate_as_json_is_the_response_in_the_apis_json_mapping()
    {
        var result = await AsMerchant([.. Quarter, "--json"]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var overall = JsonDocument.Parse(result.Output).RootElement.GetProperty("groups").EnumerateArray().Single();
        Assert.False(overall.TryGetProperty("group", out _)); // "": the whole business, left out as every default
        Assert.Equal(["40", "80", "20"], overall.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("unitsSold").GetString()));
        Assert.Equal([0.125, 0.0625, 0.05], overall.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("returnRate").GetDouble()));
        Assert.Equal("11", overall.GetProperty("total").GetProperty("unitsReturned").GetString());
    }

    [Fact]
    public async Task Rate_as_csv_is_one_row_per_group_and_period_on_stdout_or_in_a_file()
    {
        var file = Path.Combine(_rlctl.Home, "rate.csv");
        var stdout = await AsMerchant([.. Quarter, "--csv"]);
        var written = await AsMerchant([.. Quarter, "--csv", "--out", file]);
        var again = await AsMerchant([.. Quarter, "--csv", "--out", file]);

        const string Expected = """
            group,first_day,last_day,returns,units_returned,units_sold,return_rate
            ,2026-01-01,2026-01-31,3,5,40,0.125
            ,2026-02-01,2026-02-28,2,5,80,0.0625
            ,2026-03-01,2026-03-31,1,1,20,0.05

            """;
        Assert.Equal((0, Expected.ReplaceLineEndings("\n"), ""), (stdout.ExitCode, stdout.Output, stdout.Error));
        Assert.Equal((0, ""), (written.ExitCode, written.Output));
        Assert.Equal(Expected.ReplaceLineEndings("\n"), await File.ReadAllTextAsync(file));
        Assert.Equal(2, again.ExitCode); // never over a file without --force
        Assert.Contains("pass --force", again.Error);
    }

    [Fact]
    public async Task Order_ranks_the_skus_highest_rate_first_with_a_bar_each_and_keeps_those_that_sold_enough()
    {
        var ranked = await AsMerchant("analytics", "rate", "--from", "2026-01-01", "--to", "2026-03-31", "--by", "sku", "--order", "return-rate");
        var soldEnough = await AsMerchant("analytics", "rate", "--from", "2026-01-01", "--to", "2026-03-31", "--by", "sku", "--order", "return-rate",
            "--min-units-sold", "20", "--csv");
        var overall = await AsMerchant("analytics", "rate", "--from", "2026-01-01", "--to", "2026-03-31", "--order", "returns");

        Assert.Equal((0, ""), (ranked.ExitCode, ranked.Error));
        Assert.Equal(
        [
            ["group", "first day", "last day", "returns", "units returned", "units sold", "return rate"],
            ["SKU-3", "2026-01-01", "2026-03-31", "1", "3", "10", "30 %"],
            ["SKU-1", "2026-01-01", "2026-03-31", "4", "5", "70", "7.14 %"],
            ["SKU-2", "2026-01-01", "2026-03-31", "2", "3", "60", "5 %"],
        ], TableCells.Of(ranked.Output));
        Assert.Contains("Return rate, highest first", ranked.Output);
        Assert.Matches(@"SKU-3 +█+ 30 %", TableCells.Plain(ranked.Output));
        Assert.Matches(@"SKU-2 +█+ 5 %", TableCells.Plain(ranked.Output));
        Assert.Equal(["SKU-1,2026-01-01,2026-03-31,4,5,70,0.07142857142857142", "SKU-2,2026-01-01,2026-03-31,2,3,60,0.05"],
            soldEnough.OutputLines.Skip(1));
        Assert.Equal(5, overall.ExitCode); // the platform refuses a ranking of the whole business, naming the field
        Assert.Contains("group_by", overall.Error);
    }

    [Fact]
    public async Task All_follows_the_page_tokens_into_one_answer()
    {
        var result = await AsMerchant("analytics", "rate", "--from", "2026-01-01", "--to", "2026-03-31", "--by", "sku", "--page-size", "2", "--all", "--csv");
        var onePage = await AsMerchant("analytics", "rate", "--from", "2026-01-01", "--to", "2026-03-31", "--by", "sku", "--page-size", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["SKU-1,2026-01-01,2026-03-31,4,5,70,0.07142857142857142", "SKU-2,2026-01-01,2026-03-31,2,3,60,0.05", "SKU-3,2026-01-01,2026-03-31,1,3,10,0.3"],
            result.OutputLines.Skip(1));
        Assert.Equal(["SKU-1", "SKU-2"], TableCells.Of(onePage.Output).Skip(1).Select(r => r[0]).Where(c => c.Length > 0));
        Assert.StartsWith("More: run the command again with --page-token ", onePage.OutputLines[^1]);
    }

    [Fact]
    public async Task Reasons_print_each_reasons_units_and_share_with_a_bar_chart_and_the_reason_that_grew_most()
    {
        var table = await AsMerchant("analytics", "reasons", "--from", "2026-02-01", "--to", "2026-02-28");
        var top1 = await AsMerchant("analytics", "reasons", "--from", "2026-02-01", "--to", "2026-02-28", "--top", "1", "--csv");
        var json = await AsMerchant("analytics", "reasons", "--from", "2026-02-01", "--to", "2026-02-28", "--json");

        Assert.Equal((0, ""), (table.ExitCode, table.Error));
        Assert.Equal(
        [
            ["group", "reason", "units", "share", "units returned"],
            ["(all)", "not_as_described", "3", "60 %", "5"],
            ["(all)", "wrong_size", "2", "40 %", "5"],
        ], TableCells.Of(table.Output));
        Assert.Contains("Units returned by reason (all)", table.Output);
        Assert.Matches(@"not_as_described +█+ 3", TableCells.Plain(table.Output));
        Assert.Matches(@"wrong_size +█+ 2", TableCells.Plain(table.Output));
        Assert.Contains("(all): not_as_described grew most, 0 % -> 60 % against 2026-01-04..2026-01-31 (5 units returned then)", table.Output);
        Assert.Equal(["group,reason,units,share,units_returned", ",not_as_described,3,0.6,5", ",(other),2,0.4,5"], top1.OutputLines);
        var group = JsonDocument.Parse(json.Output).RootElement.GetProperty("groups")[0];
        Assert.Equal(("not_as_described", 0.6), (group.GetProperty("fastestGrowing").GetProperty("reasonCode").GetString(),
            group.GetProperty("fastestGrowing").GetProperty("share").GetDouble()));
    }

    [Fact]
    public async Task Order_ranks_the_skus_by_the_growth_of_their_units_returned_with_a_bar_each_and_their_reasons()
    {
        var growing = await AsMerchant("analytics", "reasons", "--from", "2026-02-01", "--to", "2026-03-01", "--by", "sku", "--order", "growth");
        var categories = await AsMerchant("analytics", "reasons", "--from", "2026-02-01", "--to", "2026-03-01", "--by", "category",
            "--order", "units-returned", "--csv");
        var categoriesGrowing = await AsMerchant("analytics", "reasons", "--from", "2026-02-01", "--to", "2026-03-01", "--by", "category",
            "--order", "growth", "--csv");

        Assert.Equal((0, ""), (growing.ExitCode, growing.Error));
        Assert.Equal(
        [
            ["group", "reason", "units", "share", "units returned", "units returned before"],
            ["SKU-3", "not_as_described", "3", "100 %", "3", "0"],
            ["SKU-2", "wrong_size", "2", "100 %", "2", "1"],
        ], TableCells.Of(growing.Output));
        Assert.Contains("Units returned, growth against 2026-01-03..2026-01-31, most first", growing.Output);
        Assert.Matches(@"SKU-3 +█+ 3", TableCells.Plain(growing.Output));
        Assert.Matches(@"SKU-2 +█+ 1", TableCells.Plain(growing.Output));
        Assert.DoesNotContain("Units returned by reason", growing.Output);
        Assert.Contains("SKU-2: wrong_size grew most, 0 % -> 100 % against 2026-01-03..2026-01-31 (1 units returned then)", growing.Output);
        Assert.Equal(["apparel,not_as_described,3,0.75,4", "apparel,wrong_item,1,0.25,4", "shoes,wrong_size,2,1,2"], categories.OutputLines.Skip(1));
        Assert.Equal(["group,reason,units,share,units_returned,units_returned_before", "shoes,wrong_size,2,1,2,1"], categoriesGrowing.OutputLines);
    }

    [Fact]
    public async Task Input_the_platform_refuses_is_named_field_by_field_with_exit_5()
    {
        var text = await AsMerchant("analytics", "rate", "--from", "2026-02-01", "--to", "2026-01-01");
        var json = await AsMerchant("analytics", "reasons", "--from", "2026-01-01", "--to", "2026-01-31", "--top", "101", "--json");

        Assert.Equal((5, ""), (text.ExitCode, text.Output));
        Assert.Equal("InvalidArgument: fix these fields and run the command again:", text.ErrorLines[0]);
        Assert.StartsWith("last_day: ", text.ErrorLines[1]);
        Assert.Equal(5, json.ExitCode);
        var error = JsonDocument.Parse(json.Error).RootElement;
        Assert.Equal(("INVALID_ARGUMENT", "top"), (error.GetProperty("code").GetString(), error.GetProperty("fieldViolations")[0].GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Csv_and_json_together_or_a_file_without_csv_are_usage_errors()
    {
        var both = await AsMerchant([.. Quarter, "--csv", "--json"]);
        var fileOnly = await AsMerchant([.. Quarter, "--out", Path.Combine(_rlctl.Home, "x.csv")]);

        Assert.Equal((2, "--csv and --json ask for two outputs; choose one."), (both.ExitCode, JsonDocument.Parse(both.Error).RootElement.GetProperty("message").GetString()));
        Assert.Equal((2, "--out writes the CSV: add --csv."), (fileOnly.ExitCode, fileOnly.ErrorLines[0]));
    }

    public void Dispose() => _rlctl.Dispose();
}

using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl returns import: one return per CSV row, bad rows named by line, and a rerun that creates nothing twice.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlImportTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private const string Header =
        "order_reference,customer_reference,customer_name,address_line1,city,postal_code,country_code,sku,category,unit_price_minor,currency,quantity,reason,method,purchased_on";

    private static string Row(string order, string quantity = "1") =>
        $"{order},cust-csv,\"Doe, Jane\",12 Main St,Portland,97201,US,TENT-2P,outdoor,12900,USD,{quantity},changed_mind,carrier-pickup,{DateTime.UtcNow.AddDays(-3):yyyy-MM-dd}";

    [Fact]
    public async Task A_bad_row_is_reported_by_line_with_exit_5_and_a_rerun_creates_nothing_twice()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var file = Path.Combine(_rlctl.Home, "returns.csv");
        await File.WriteAllTextAsync(file, string.Join('\n', Header, Row("SO-1"), Row("SO-2", quantity: "two"), Row("SO-3"), Row("SO-4", quantity: "0")) + "\n");

        var first = await _rlctl.RunAsync("returns", "import", file, "--address", silo.Address, "--key", merchant);
        var again = await _rlctl.RunAsync("returns", "import", file, "--address", silo.Address, "--key", merchant, "--json");
        var all = await silo.Client.Returns.ListReturnsAsync(new ListReturnsRequest(), As(merchant));

        Assert.Equal(5, first.ExitCode);
        Assert.Equal("Created 2, already there 0, failed 2 (line 3, 5).", first.OutputLines[^1]);
        Assert.Contains("line 3: failed: quantity: 'two' is not a whole number", first.Error);
        Assert.Contains("line 5: failed: InvalidArgument:", first.Error); // refused by the platform, field by field
        Assert.Equal(5, again.ExitCode);
        var summary = JsonDocument.Parse(again.Output).RootElement;
        Assert.Equal((0, 2, 2), (summary.GetProperty("created").GetInt32(), summary.GetProperty("alreadyThere").GetInt32(), summary.GetProperty("failed").GetInt32()));
        Assert.Equal([3, 5], summary.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("outcome").GetString() == "failed").Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(["SO-1", "SO-3"], all.Returns.Select(r => r.Lines[0].Input.OrderReference).Order());
        Assert.Equal("Doe, Jane", all.Returns[0].CustomerAddress.Name);
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_before_anything_is_sent()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var file = Path.Combine(_rlctl.Home, "short.csv");
        await File.WriteAllTextAsync(file, "order_reference,sku\nSO-1,TENT-2P\n");

        var result = await _rlctl.RunAsync("returns", "import", file, "--address", silo.Address, "--key", merchant);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("lacks the columns customer_reference", result.Error);
        Assert.Empty((await silo.Client.Returns.ListReturnsAsync(new ListReturnsRequest(), As(merchant))).Returns);
    }

    [Fact]
    public async Task A_clean_file_exits_0()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var file = Path.Combine(_rlctl.Home, "clean.csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n", Header, Row("SO-1"), Row("SO-2")));

        var result = await _rlctl.RunAsync("returns", "import", file, "--address", silo.Address, "--key", merchant);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Created 2, already there 0, failed 0.", result.OutputLines[^1]);
    }

    public void Dispose() => _rlctl.Dispose();
}

using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>What rlctl prints: one JSON document with --json, readable tables otherwise, a new key's secret alone on its line.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlOutputTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> AsOperator(params string[] args) => _rlctl.RunAsync(["--address", silo.Address, "--key", SiloFixture.OperatorKey, .. args]);

    [Theory]
    [InlineData("health")]
    [InlineData("tenants list")]
    [InlineData("keys list")]
    [InlineData("network centres list")]
    [InlineData("network carriers list")]
    [InlineData("pickups schedules list")]
    [InlineData("pickups manifests list")]
    [InlineData("config list")]
    [InlineData("config get address")]
    public async Task Json_prints_one_document(string commandLine)
    {
        var result = await AsOperator([.. commandLine.Split(' '), "--json"]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(result.Output).RootElement.ValueKind);
    }

    [Fact]
    public async Task A_new_keys_secret_is_printed_alone_on_the_last_line_with_a_warning_on_stderr()
    {
        var (tenantId, _) = await TenantAdmin.NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var table = await AsOperator("keys", "create", "--role", "Merchant", "--tenant", tenantId);
        var json = await AsOperator("keys", "create", "--role", "Merchant", "--tenant", tenantId, "--json");

        Assert.Equal(0, table.ExitCode);
        var secret = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Matches($@"^rl\.{tenantId}\.\S+$", secret);
        Assert.Equal(1, table.Output.Split('\n').Count(line => line.Contains(secret, StringComparison.Ordinal)));
        Assert.Equal("Store this secret now: it is shown only once and cannot be read back.", table.ErrorLines.Single());
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.StartsWith($"rl.{tenantId}.", document.GetProperty("secret").GetString());
        Assert.Equal(tenantId, document.GetProperty("apiKey").GetProperty("tenantId").GetString());
        var asMerchant = await _rlctl.RunAsync("tenants", "get", tenantId, "--address", silo.Address, "--key", secret);
        Assert.Equal((0, ""), (asMerchant.ExitCode, asMerchant.Error)); // the line is the whole key
    }

    [Fact]
    public async Task A_return_reads_as_nested_tables_not_as_json_in_a_cell()
    {
        var (_, merchantKey) = await TenantAdmin.NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), TenantAdmin.As(merchantKey));

        var table = await _rlctl.RunAsync("returns", "get", created.ReturnId, "--address", silo.Address, "--key", merchantKey);
        var json = await _rlctl.RunAsync("returns", "get", created.ReturnId, "--address", silo.Address, "--key", merchantKey, "--json");

        Assert.Equal((0, ""), (table.ExitCode, table.Error));
        Assert.DoesNotContain("{", table.Output);
        Assert.DoesNotContain("\"", table.Output);
        Assert.Matches(@"│ lines\s+│\s+│", table.Output); // a row of its own, its items beneath it
        Assert.Matches(@"│\s+#1\s+│", table.Output);
        Assert.Matches(@"│\s+sku\s+│ TENT-2P\s+│", table.Output);
        Assert.Matches(@"│\s+unitPrice\s+│ 12900 USD \(minor units\)\s+│", table.Output);
        Assert.DoesNotContain("latitude", table.Output); // optional and not given: not shown as 0
        Assert.Equal(created.ReturnId, JsonDocument.Parse(json.Output).RootElement.GetProperty("returnId").GetString());
    }

    public void Dispose() => _rlctl.Dispose();
}

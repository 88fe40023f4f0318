using System.CommandLine;
using System.Text.Json;
using ReverseLogistics.Cli;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl against a real silo: what an operator types, and what they get back.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlTests(SiloFixture silo)
{
    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithKeyAsync(SiloFixture.OperatorKey, args);

    private async Task<(int ExitCode, string Output, string Error)> RunWithKeyAsync(string key, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await RlctlCommand.Create()
            .Parse(["--address", silo.Address, "--key", key, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Creates_a_tenant_and_a_key_then_lists_them()
    {
        var tenantId = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var created = await RunAsync("tenants", "create", tenantId, "--name", "CLI Merchant", "--rps", "20", "--json");
        var key = await RunAsync("keys", "create", "--role", "Merchant", "--tenant", tenantId, "--json");
        var tenants = await RunAsync("tenants", "list");
        var keys = await RunAsync("keys", "list", "--tenant", tenantId, "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(20, JsonDocument.Parse(created.Output).RootElement.GetProperty("rateLimit").GetProperty("requestsPerSecond").GetInt32());
        var secret = JsonDocument.Parse(key.Output).RootElement.GetProperty("secret").GetString();
        Assert.StartsWith($"rl.{tenantId}.", secret);
        Assert.Contains(tenantId, tenants.Output);
        Assert.Equal("ROLE_MERCHANT", JsonDocument.Parse(keys.Output).RootElement.GetProperty("apiKeys")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_merchant_reads_a_return_and_its_timeline_and_another_merchant_finds_nothing()
    {
        var (_, merchantKey) = await TenantAdmin.NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var (_, otherKey) = await TenantAdmin.NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), TenantAdmin.As(merchantKey));

        var read = await RunWithKeyAsync(merchantKey, "returns", "get", created.ReturnId, "--json");
        var table = await RunWithKeyAsync(merchantKey, "returns", "get", created.ReturnId);
        var events = await RunWithKeyAsync(merchantKey, "returns", "events", created.ReturnId, "--json");
        var timeline = await RunWithKeyAsync(merchantKey, "returns", "events", created.ReturnId);
        var foreign = await RunWithKeyAsync(otherKey, "returns", "events", created.ReturnId);

        Assert.Equal((0, ""), (read.ExitCode, read.Error));
        Assert.Equal("RETURN_STATUS_LABEL_ISSUED", JsonDocument.Parse(read.Output).RootElement.GetProperty("status").GetString());
        Assert.Contains("Routing: No fulfilment network is set up: sent to the default centre FC-DEFAULT.", table.Output);
        Assert.Equal([("Approve", "system:auto-approve"), ("IssueLabel", "system:labels")],
            JsonDocument.Parse(events.Output).RootElement.GetProperty("events").EnumerateArray()
                .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("actor").GetString())));
        Assert.Equal(0, timeline.ExitCode);
        Assert.Contains("IssueLabel", timeline.Output); // a table, its cells wrapped to the terminal's width
        Assert.Equal(4, foreign.ExitCode);
        Assert.StartsWith("NotFound:", foreign.Error);
    }

    [Fact]
    public async Task A_rejected_call_prints_each_field_and_exits_5()
    {
        var (exitCode, _, error) = await RunAsync("tenants", "create", "Bad Id", "--name", " ");

        Assert.Equal(5, exitCode);
        Assert.Contains("InvalidArgument", error);
        Assert.Contains("tenant_id:", error);
        Assert.Contains("display_name:", error);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_key()
    {
        var first = await RunAsync("keys", "create", "--role", "Operator", "--request-id", "cli-retry-1", "--json");
        var retry = await RunAsync("keys", "create", "--role", "Operator", "--request-id", "cli-retry-1", "--json");

        Assert.Equal(first.Output, retry.Output);
    }
}

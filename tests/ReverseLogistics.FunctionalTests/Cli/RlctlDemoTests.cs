using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>
/// `rlctl demo` against a silo of its own (the demo builds a network, which would change routing for the shared
/// silo's tenants): every path ends where it should, and the platform agrees.
/// </summary>
public sealed class RlctlDemoTests : IAsyncLifetime, IDisposable
{
    private const string OperatorKey = "rl-test-demo-operator-key-7d21";
    private readonly Rlctl _rlctl = new();
    private InProcessSilo? _silo;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey });

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
    }

    public void Dispose() => _rlctl.Dispose();

    private Task<Rlctl.Result> DemoAsync(params string[] args) => _rlctl.RunAsync(["--address", _silo!.Address, "--key", OperatorKey, "demo", .. args]);

    [Fact]
    public async Task The_demo_takes_a_return_through_every_path_to_its_end_state_and_says_so_in_its_json_summary()
    {
        var run = await DemoAsync("--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var summary = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(summary.GetProperty("ok").GetBoolean());
        var tenantId = summary.GetProperty("tenantId").GetString()!;
        Assert.StartsWith("demo-", tenantId);
        Assert.Equal(2, summary.GetProperty("fulfillmentCenterIds").GetArrayLength());
        Assert.Equal(2, summary.GetProperty("handheldKeyIds").GetArrayLength());
        var paths = summary.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(["auto-approved-pickup", "manual-review-drop-off-partial", "exception-resolved"], paths.Select(p => p.GetProperty("name").GetString()));
        Assert.All(paths, p =>
        {
            Assert.True(p.GetProperty("ok").GetBoolean());
            Assert.Equal("RETURN_STATUS_REFUNDED", p.GetProperty("status").GetString());
            Assert.All(p.GetProperty("steps").EnumerateArray(), step => Assert.True(step.GetProperty("ok").GetBoolean()));
        });
        Assert.Equal(
            ["auto-approved", "disposition", "drop-off", "exception-resolved", "grading", "manual-review", "partial-receipt", "pickup", "refund"],
            paths.SelectMany(p => p.GetProperty("covers").EnumerateArray().Select(c => c.GetString())).Distinct().Order(StringComparer.Ordinal));
        // The states each path went through, as the demo checked them.
        Assert.Equal(
            ["LABEL_ISSUED", "AWAITING_PICKUP", "IN_TRANSIT", "IN_TRANSIT", "RECEIVED", "REFUND_PENDING", "REFUND_PENDING", "REFUNDED"],
            States(paths[0]));
        Assert.Equal(
            ["MANUAL_REVIEW", "AWAITING_DROPOFF", "IN_TRANSIT", "PARTIALLY_RECEIVED", "REFUND_PENDING", "REFUND_PENDING", "REFUND_PENDING", "REFUNDED"],
            States(paths[1]));
        Assert.Equal(["LABEL_ISSUED", "IN_TRANSIT", "EXCEPTION", "REFUND_PENDING", "REFUNDED"], States(paths[2]));
        // Progress went to stderr, so stdout is the one document.
        Assert.Contains("✓ merchant confirms", run.Error);

        // The platform agrees: the merchant's three returns are refunded, one of them for one jacket of two.
        var key = await _silo!.Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = NewRequestId(), TenantId = tenantId, Role = Role.Merchant }, As(OperatorKey));
        var returns = (await _silo.Client.Returns.ListReturnsAsync(new ListReturnsRequest(), As(key.Secret))).Returns;
        Assert.Equal(paths.Select(p => p.GetProperty("returnId").GetString()).Order(StringComparer.Ordinal), returns.Select(r => r.ReturnId).Order(StringComparer.Ordinal));
        Assert.All(returns, r => Assert.Equal(ReturnStatus.Refunded, r.Status));
        var partial = returns.Single(r => r.ReturnId == paths[1].GetProperty("returnId").GetString());
        Assert.Equal((1, 2), (partial.Lines[0].ReceivedQuantity, partial.Lines[0].Input.Quantity));
    }

    [Fact]
    public async Task The_demo_runs_again_on_the_same_silo_and_a_tenant_named_twice_is_refused_with_a_hint()
    {
        var named = await DemoAsync("--tenant", "demo-named");
        var again = await DemoAsync("--tenant", "demo-named");
        var fresh = await DemoAsync();

        Assert.True(named.ExitCode == 0, named.Error);
        Assert.Contains("Every path reached its expected end state.", named.Output);
        Assert.Contains("✓ merchant confirms", named.Output);
        Assert.Equal(6, again.ExitCode);
        Assert.Contains("leave it out for a fresh one", again.Error);
        Assert.True(fresh.ExitCode == 0, fresh.Error);
    }

    private static string[] States(JsonElement path) => path.GetProperty("steps").EnumerateArray()
        .Where(s => s.TryGetProperty("status", out _))
        .Select(s => s.GetProperty("status").GetString()!["RETURN_STATUS_".Length..]).ToArray();
}

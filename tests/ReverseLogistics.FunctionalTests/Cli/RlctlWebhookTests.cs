using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl webhooks: a merchant manages its endpoints; the signing secret is shown once, alone on its line.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlWebhookTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> AsMerchant(string key, params string[] args) => _rlctl.RunAsync([.. args, "--address", silo.Address, "--key", key]);

    [Fact]
    public async Task A_merchant_creates_lists_updates_rotates_and_deletes_an_endpoint()
    {
        var (_, key) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var created = await AsMerchant(key, "webhooks", "create", "https://hooks.example.com/rl", "--type", "return.refunded", "--json");
        var endpoint = JsonDocument.Parse(created.Output).RootElement.GetProperty("endpoint");
        var id = endpoint.GetProperty("endpointId").GetString()!;
        var updated = await AsMerchant(key, "webhooks", "update", id, "--disable", "--json");
        var listed = await AsMerchant(key, "webhooks", "list", "--json");
        var rotated = await AsMerchant(key, "webhooks", "rotate-secret", id);
        var deliveries = await AsMerchant(key, "webhooks", "deliveries", id, "--json");
        var deleted = await AsMerchant(key, "webhooks", "delete", id);
        var afterwards = await AsMerchant(key, "webhooks", "list", "--json");

        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(created.Output).RootElement.GetProperty("secret").GetString()));
        Assert.Equal(["return.refunded"], endpoint.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, updated.ExitCode);
        var disabled = JsonDocument.Parse(updated.Output).RootElement;
        Assert.False(disabled.TryGetProperty("enabled", out var enabled) && enabled.GetBoolean());
        Assert.Equal(["return.refunded"], disabled.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString())); // kept: not named
        Assert.Equal([id], JsonDocument.Parse(listed.Output).RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("endpointId").GetString()));
        Assert.Equal(0, rotated.ExitCode);
        Assert.Matches(@"^\S+$", rotated.OutputLines[^1]);
        Assert.Equal("Store this secret now: it is shown only once and cannot be read back.", rotated.ErrorLines.Single());
        Assert.Equal(0, deliveries.ExitCode);
        Assert.Equal(0, deleted.ExitCode);
        Assert.False(JsonDocument.Parse(afterwards.Output).RootElement.TryGetProperty("endpoints", out _));
    }

    [Fact]
    public async Task A_loopback_url_is_invalid_input_and_an_unknown_endpoint_is_not_found()
    {
        var (_, key) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var loopback = await AsMerchant(key, "webhooks", "create", "http://127.0.0.1:9/hook");
        var unknown = await AsMerchant(key, "webhooks", "update", "wh-nothing", "--disable");

        Assert.Equal(5, loopback.ExitCode);
        Assert.Contains("url", loopback.Error);
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("rlctl webhooks list", unknown.Error);
    }

    public void Dispose() => _rlctl.Dispose();
}

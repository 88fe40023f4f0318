using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl as a warehouse handheld uses it, on the shared silo whose returns go to the default centre.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlHandheldTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> With(string key, params string[] args) => _rlctl.RunAsync(["--address", silo.Address, "--key", key, .. args]);

    private Task<Rlctl.Result> AsOperator(params string[] args) => With(SiloFixture.OperatorKey, args);

    private static JsonElement Json(Rlctl.Result result)
    {
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        return JsonDocument.Parse(result.Output).RootElement;
    }

    [Fact]
    public async Task A_handheld_disposes_of_units_and_finds_them_in_the_inventory()
    {
        var (tenantId, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), As(merchant));
        var key = Json(await AsOperator("keys", "create", "--role", "Handheld", "--center", created.DestinationFulfillmentCenterId, "--json"))
            .GetProperty("secret").GetString()!;

        var noDevice = await With(key, "handheld", "scan", created.TrackingNumber);
        _rlctl.Variables["RL_DEVICE"] = "HH-INV";
        Json(await With(key, "handheld", "scan", created.TrackingNumber, "--json"));
        Json(await With(key, "handheld", "receive", created.ReturnId, "--line", "0:1", "--unexpected", "MUG-1:2", "--json"));
        var inspected = await With(key, "handheld", "inspect", created.ReturnId, "--line", "0", "--grade", "b", "--mismatch", "missing-parts");
        var disposed = Json(await With(key, "handheld", "dispose", created.ReturnId, "--line", "0", "--disposition", "restock", "--scan-id", "scan-dispose-1", "--json"));
        var resent = Json(await With(key, "handheld", "dispose", created.ReturnId, "--line", "0", "--disposition", "restock", "--scan-id", "scan-dispose-1", "--json"));
        var inventory = Json(await With(key, "handheld", "inventory", "--tenant", tenantId, "--json"));
        var table = await With(key, "handheld", "inventory", "--tenant", tenantId, "--disposition", "restock");
        var badGrade = await With(key, "handheld", "inspect", created.ReturnId, "--line", "0", "--grade", "F");

        Assert.Equal(2, noDevice.ExitCode);
        Assert.Contains("pass --device, set RL_DEVICE", noDevice.Error);
        Assert.Equal(0, inspected.ExitCode);
        Assert.Contains("Next: set-disposition", inspected.Output);
        Assert.Equal("DISPOSITION_RESTOCK", disposed.GetProperty("lines")[0].GetProperty("disposition").GetProperty("disposition").GetString());
        Assert.Equal(disposed.ToString(), resent.ToString());
        var item = inventory.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("TENT-2P", "TENT-2P#B", 1), (item.GetProperty("sku").GetString(), item.GetProperty("resaleSku").GetString(), item.GetProperty("quantity").GetInt32()));
        Assert.Contains("TENT-2P#B", table.Output);
        Assert.Equal(2, badGrade.ExitCode);
        Assert.Contains("choose one of: a, b, c, d, scrap", badGrade.Error);
    }

    public void Dispose() => _rlctl.Dispose();
}

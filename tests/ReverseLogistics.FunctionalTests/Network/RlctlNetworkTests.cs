using System.CommandLine;
using System.Text.Json;
using ReverseLogistics.Cli;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>rlctl network against a real silo.</summary>
[Collection(NetworkSiloCollection.Name)]
public sealed class RlctlNetworkTests(NetworkSiloFixture silo)
{
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await RlctlCommand.Create()
            .Parse(["--address", silo.Address, "--key", NetworkSiloFixture.OperatorKey, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Creates_a_centre_sets_a_contract_and_previews_a_route()
    {
        var id = NewPrefix() + "-RNO";
        var (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, NetworkSiloFixture.OperatorKey);

        var created = await RunAsync("network", "centres", "create", id, "--name", "Reno", "--address", "1 Dock Road", "--city", "Reno",
            "--postal-code", "89501", "--country", "US", "--lat", "39.53", "--lon", "-119.81", "--time-zone", "America/Los_Angeles",
            "--capacity", "300", "--service", "Grading", "--service", "Hazmat", "--json");
        await silo.Client.Network.CreateCarrierAsync(new() { RequestId = NewRequestId(), Carrier = CarrierTo(id + "-UPS", "US", id) }, As(NetworkSiloFixture.OperatorKey));
        var contract = await RunAsync("network", "contract", "set", tenantId, id, "--json");
        var returned = await silo.Client.Returns.CreateReturnAsync(NewReturn(), As(merchantKey));
        var listed = await RunAsync("network", "centres", "list", "--json");
        var route = await RunAsync("network", "route", tenantId, returned.ReturnId);
        var bad = await RunAsync("network", "centres", "create", "bad id", "--name", "x", "--address", "y", "--city", "z", "--postal-code", "1",
            "--country", "US", "--lat", "99", "--lon", "0", "--time-zone", "UTC", "--capacity", "1");

        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        Assert.Equal(["CENTER_SERVICE_GRADING", "CENTER_SERVICE_HAZMAT"],
            JsonDocument.Parse(created.Output).RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(id, JsonDocument.Parse(contract.Output).RootElement.GetProperty("fulfillmentCenterIds")[0].GetString());
        var centre = JsonDocument.Parse(listed.Output).RootElement.GetProperty("fulfillmentCenters").EnumerateArray()
            .Single(c => c.GetProperty("fulfillmentCenterId").GetString() == id);
        Assert.Equal(1, centre.GetProperty("load")[0].GetProperty("expectedUnits").GetInt32());
        Assert.Equal(0, route.ExitCode);
        Assert.Contains($"{id} (score", route.Output);
        Assert.Equal(5, bad.ExitCode); // invalid input
        Assert.Contains("fulfillment_center.location.latitude:", bad.Error);
        Assert.Contains("fulfillment_center.fulfillment_center_id:", bad.Error);
    }
}

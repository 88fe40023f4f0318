using System.CommandLine;
using System.Text.Json;
using ReverseLogistics.Cli;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>rlctl pickups against a real silo.</summary>
public sealed class RlctlPickupTests : IAsyncLifetime
{
    private PickupWorld world = null!;

    public async Task InitializeAsync() => world = await PickupWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await RlctlCommand.Create()
            .Parse(["--address", world.Silo.Address, "--key", PickupWorld.OperatorKey, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Creates_pauses_and_lists_a_schedule_and_reports_bad_input_by_field()
    {
        var created = await RunAsync("pickups", "schedules", "create", "RNO-DOCK", "--carrier", "CARRIER-A", "--location", PickupWorld.Centre,
            "--kind", "FulfillmentCenter", "--address", "1 Dock Road", "--city", "Reno", "--country", "US", "--time-zone", "America/Los_Angeles",
            "--cron", "0 0 16 ? * MON-FRI", "--json");
        var paused = await RunAsync("pickups", "schedules", "pause", "RNO-DOCK", "--json");
        var listed = await RunAsync("pickups", "schedules", "list");
        var manifests = await RunAsync("pickups", "manifests", "list", "--json");
        var bad = await RunAsync("pickups", "schedules", "create", "RNO-2", "--carrier", "CARRIER-A", "--location", "X", "--kind", "Store",
            "--address", "1 Main St", "--city", "Reno", "--country", "US", "--time-zone", "Nowhere/Else", "--cron", "soon");

        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        Assert.Equal("PICKUP_SCHEDULE_STATUS_ACTIVE", JsonDocument.Parse(created.Output).RootElement.GetProperty("status").GetString());
        Assert.Equal("PICKUP_SCHEDULE_STATUS_PAUSED", JsonDocument.Parse(paused.Output).RootElement.GetProperty("status").GetString());
        Assert.Contains("RNO-DOCK", listed.Output);
        Assert.Contains("Paused", listed.Output);
        Assert.Equal((0, "{}"), (manifests.ExitCode, manifests.Output.Trim()));
        Assert.Equal(5, bad.ExitCode); // invalid input
        Assert.Contains("schedule.location.time_zone:", bad.Error);
        Assert.Contains("schedule.cron_expression:", bad.Error);
    }
}

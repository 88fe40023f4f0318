using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>
/// A silo of its own (carriers are the 3PL's, shared by every merchant) with one centre in Reno
/// (America/Los_Angeles), carriers collecting in Portland's 97xxx postal codes every day 09:00-12:00,
/// and a merchant contracted to the centre. Time is the silo's <see cref="FakeTimeProvider"/>: it stands still until a
/// test moves it, and Quartz waits on it too, so a trigger fires when the clock is moved past its time.
/// </summary>
public sealed class PickupWorld : IAsyncDisposable
{
    public const string OperatorKey = "rl-test-pickups-operator-key-4c1d";
    public const string Centre = "FC-RNO-1";
    public static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private readonly Func<string, SiloOptions> options;
    private readonly string directory;

    private PickupWorld(Func<string, SiloOptions> options, string directory, FakeTimeProvider clock)
    {
        (this.options, this.directory, Clock) = (options, directory, clock);
    }

    public FakeTimeProvider Clock { get; }
    public InProcessSilo Silo { get; private set; } = null!;
    public PlatformClient Client => Silo.Client;
    public CallOptions Operator { get; } = As(OperatorKey);
    public CallOptions Merchant { get; private set; }
    public string TenantId { get; private set; } = "";

    /// <summary>A world on SQLite in a fresh directory, or on the store <paramref name="storeOptions"/> names (given the node's directory).</summary>
    public static async Task<PickupWorld> StartAsync(Func<string, SiloOptions>? storeOptions = null, params (string Id, string Prefix, int Capacity)[] carriers)
    {
        var directory = Directory.CreateTempSubdirectory("rl-pickups-").FullName;
        var world = new PickupWorld(storeOptions ?? (dir => new SiloOptions { DataDirectory = dir }), directory, new FakeTimeProvider(DateTimeOffset.UtcNow));
        world.Silo = await world.StartNodeAsync("a");
        await world.Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Network.NetworkApi.Centre(Centre) }, world.Operator);
        foreach (var (id, prefix, capacity) in carriers.Length == 0 ? [("CARRIER-A", "97", 1), ("CARRIER-B", "97", 1)] : carriers)
            await world.CarrierAsync(id, prefix, capacity);
        var (tenantId, key) = await NewMerchantAsync(world.Client, OperatorKey);
        await world.Client.Network.SetTenantContractAsync(new SetTenantContractRequest { RequestId = NewRequestId(), Contract = Contract(tenantId, Centre) }, world.Operator);
        (world.TenantId, world.Merchant) = (tenantId, As(key));
        return world;
    }

    /// <summary>
    /// Another node (or a restarted one) on the same store, sharing the clock. Its sweeps run only when a test
    /// fires them (SweepCompletion): a regular run, set off by the clock jumping ahead, could otherwise take a
    /// test's work just before the test's own run and leave it nothing to fire.
    /// </summary>
    public async Task<InProcessSilo> StartNodeAsync(string node)
    {
        var silo = await InProcessSilo.StartAsync(options(Path.Combine(directory, node)) with { OperatorKey = OperatorKey, Clock = Clock });
        await (await SchedulerAsync(silo)).PauseTriggers(PlatformScheduler.RecurringJobs.Select(job => job.TriggerKey).ToList());
        return silo;
    }

    /// <summary>Stops the silo and starts it again on the same store; <paramref name="whileDown"/> runs in between (say, moving the clock).</summary>
    public async Task RestartAsync(Action? whileDown = null)
    {
        await Silo.DisposeAsync();
        whileDown?.Invoke();
        Silo = await StartNodeAsync("a");
    }

    public Task<Carrier> CarrierAsync(string id, string postalPrefix, int capacity)
    {
        var carrier = CarrierTo(id, "US", Centre);
        carrier.ServiceAreas[0].PostalPrefixes.Add(postalPrefix);
        carrier.PickupWindows.Clear();
        foreach (var day in Enumerable.Range(1, 7))
            carrier.PickupWindows.Add(new PickupWindow { Day = (Weekday)day, Starts = "09:00", Ends = "12:00", Capacity = capacity });
        return Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = carrier }, Operator).ResponseAsync;
    }

    /// <summary>Tomorrow in the centre's time zone, by the silo's clock.</summary>
    public string Tomorrow => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Pacific).DateTime).AddDays(1).ToString("yyyy-MM-dd");

    public async Task<Return> NewReturnAsync(ReturnMethod method = ReturnMethod.CarrierPickup, string customer = "cust-1")
    {
        var created = await Client.Returns.CreateReturnAsync(NewReturn(customer, method), Merchant);
        Assert.Equal(ReturnStatus.LabelIssued, created.Status);
        return created;
    }

    public Task<Pickup> BookAsync(string returnId, string? date = null, string starts = "", string? requestId = null, CallOptions? caller = null) =>
        Client.Pickups.SchedulePickupAsync(new SchedulePickupRequest
        {
            RequestId = requestId ?? NewRequestId(), ReturnId = returnId, Date = date ?? Tomorrow, WindowStarts = starts,
        }, caller ?? Merchant).ResponseAsync;

    public Task<Return> GetAsync(string returnId) => Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = returnId }, Merchant).ResponseAsync;

    public async Task<IReadOnlyList<ReturnEvent>> EventsAsync(string returnId) =>
        (await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = returnId }, Merchant)).Events;

    /// <summary>Moves the clock just past <paramref name="at"/>.</summary>
    public void AdvancePast(Google.Protobuf.WellKnownTypes.Timestamp at) => Clock.Advance(at.ToDateTimeOffset() - Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

    public Task<IScheduler> SchedulerAsync(InProcessSilo? node = null) =>
        (node ?? Silo).Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}

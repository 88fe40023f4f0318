using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Network;

/// <summary>
/// The network as routing sees it, in memory: loaded once from the store, then kept current by the
/// centre, carrier and contract grains of this silo (they publish every commit) and by the store's
/// change notifications for commits on other nodes. The routing index is rebuilt on the next
/// decision after a definition changes, so a decision reads no database at all. Centres' loads (booked units per
/// day) are read from the returns' counters when the snapshot loads, then learnt from each centre's answer to a
/// booking made through this silo (<see cref="Observe"/>); the centre's grain has the last word on capacity.
/// </summary>
public sealed partial class NetworkSnapshot : IDisposable
{
    private const int PageSize = 1000;

    private readonly IActorStore store;
    private readonly PlatformClock clock;
    private readonly ILogger<NetworkSnapshot> logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Version, int Revision, FulfillmentCenter Center)> centers = [];
    private readonly Dictionary<string, (long Version, Carrier Carrier)> carriers = [];
    private readonly Dictionary<string, (long Version, TenantContract? Contract)> contracts = [];
    private readonly ConcurrentDictionary<string, CenterLoad> loads = new();
    private readonly SemaphoreSlim building = new(1, 1);
    private NetworkView? view;
    private long generation;
    private Task? loading;

    public NetworkSnapshot(IActorStore store, PlatformClock clock, ILogger<NetworkSnapshot> logger)
    {
        (this.store, this.clock, this.logger) = (store, clock, logger);
        store.ActorChanged += OnActorChanged;
    }

    /// <summary>The current network, built now if a definition changed since the last call.</summary>
    public async Task<NetworkView> CurrentAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        if (Volatile.Read(ref view) is { } current) return current;
        // Indexing a large network takes a while: one caller builds, outside the lock, so commits are never held up.
        await building.WaitAsync(cancellationToken);
        try
        {
            FulfillmentNetwork network;
            long builtFrom;
            lock (gate)
            {
                if (view is not null) return view;
                (network, builtFrom) = (Collect(), generation);
            }
            var built = Index(network);
            lock (gate)
            {
                if (generation == builtFrom) view = built;
            }
            return built;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>Units expected at a centre on a day, as last learnt; <paramref name="own"/>, the asking return's booking there, left out.</summary>
    public int ExpectedUnits(string centerId, DateOnly day, CapacityBooking? own = null) =>
        loads.TryGetValue(centerId, out var load) ? load.ExpectedUnits(day, own) : 0;

    /// <summary>What a centre answered to a booking: it expects <paramref name="units"/> on <paramref name="day"/>.</summary>
    public void Observe(string centerId, DateOnly day, int units)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        loads.AddOrUpdate(centerId, _ => CenterLoad.Empty.With(day, units, today), (_, load) => load.With(day, units, today));
    }

    public void Apply(string centerId, long version, FulfillmentCenterState state)
    {
        lock (gate)
        {
            if (centers.TryGetValue(centerId, out var held) && held.Version >= version) return;
            if (held.Center is null || held.Revision != state.Revision) Invalidate();
            centers[centerId] = (version, state.Revision, state.Center);
        }
    }

    public void Apply(string carrierId, long version, CarrierState state)
    {
        lock (gate)
        {
            if (carriers.TryGetValue(carrierId, out var held) && held.Version >= version) return;
            carriers[carrierId] = (version, state.Carrier);
            Invalidate();
        }
    }

    public void Apply(string tenantId, long version, TenantContractState state)
    {
        lock (gate)
        {
            if (contracts.TryGetValue(tenantId, out var held) && held.Version >= version) return;
            contracts[tenantId] = (version, state.Contract);
            Invalidate();
        }
    }

    public void Dispose()
    {
        store.ActorChanged -= OnActorChanged;
        building.Dispose();
    }

    /// <summary>Under <see cref="gate"/>: a definition changed, so the next decision indexes afresh.</summary>
    private void Invalidate()
    {
        view = null;
        generation++;
    }

    private Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (gate)
        {
            if (loading is null || loading.IsFaulted || loading.IsCanceled) loading = LoadAsync();
            task = loading;
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task LoadAsync()
    {
        await LoadAllAsync<FulfillmentCenterState>(FulfillmentCenterGrain.TypeName, (id, version, s) => Apply(id, version, s));
        await LoadAllAsync<CarrierState>(CarrierGrain.TypeName, (id, version, s) => Apply(id, version, s));
        await LoadAllAsync<TenantContractState>(TenantContractGrain.TypeName, (id, version, s) => Apply(id, version, s));
        List<string> centerIds;
        lock (gate) centerIds = [.. centers.Keys];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (centerId, days) in await CenterBookingCounters.ReadAsync(store, centerIds, today, CancellationToken.None))
            loads.TryAdd(centerId, new CenterLoad(days));
    }

    private async Task LoadAllAsync<TState>(string actorType, Action<string, long, TState> apply)
    {
        ActorKey? after = null;
        while (true)
        {
            var page = await store.ListAsync(actorType, TenantIds.Platform, after, PageSize, CancellationToken.None);
            foreach (var (key, record) in page) apply(key.Id, record.Version, Deserialize<TState>(record));
            if (page.Count < PageSize) return;
            after = page[^1].Key;
        }
    }

    private void OnActorChanged(ActorKey key, long version)
    {
        if (key.TenantId != TenantIds.Platform) return;
        if (key.ActorType == FulfillmentCenterGrain.TypeName) _ = ReloadAsync<FulfillmentCenterState>(key, (id, v, s) => Apply(id, v, s));
        else if (key.ActorType == CarrierGrain.TypeName) _ = ReloadAsync<CarrierState>(key, (id, v, s) => Apply(id, v, s));
        else if (key.ActorType == TenantContractGrain.TypeName) _ = ReloadAsync<TenantContractState>(key, (id, v, s) => Apply(id, v, s));
    }

    private async Task ReloadAsync<TState>(ActorKey key, Action<string, long, TState> apply)
    {
        try
        {
            if (await store.ReadAsync(key, CancellationToken.None) is { } record) apply(key.Id, record.Version, Deserialize<TState>(record));
        }
        catch (Exception e)
        {
            LogReloadFailed(e, key);
        }
    }

    private static TState Deserialize<TState>(ActorRecord record) =>
        JsonSerializer.Deserialize<TState>(record.State, DomainJson.Options) ?? throw new InvalidDataException("Null network grain state.");

    /// <summary>
    /// Under <see cref="gate"/>: what is held, as a network. Each part was validated when it was written;
    /// references the whole network cannot honour (a centre not yet seen here, a second currency from a
    /// concurrent write on another node) are left out rather than stopping routing.
    /// </summary>
    private FulfillmentNetwork Collect()
    {
        var centerList = centers.Values.Select(c => c.Center).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var known = centerList.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var carrierList = carriers.Values.Select(c => c.Carrier).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var currency = carrierList.FirstOrDefault()?.CostPerParcel.CurrencyCode;
        return new FulfillmentNetwork
        {
            Centers = centerList,
            Carriers = [.. carrierList
                .Where(c => c.CostPerParcel.CurrencyCode == currency)
                .Select(c => c with { CenterIds = [.. c.CenterIds.Where(known.Contains)] })
                .Where(c => c.CenterIds.Count > 0 || carriers[c.Id].Carrier.CenterIds.Count == 0)],
            Contracts = [.. contracts.Values
                .Select(c => c.Contract)
                .OfType<TenantContract>()
                .Select(c => c with { CenterIds = [.. c.CenterIds.Where(known.Contains)] })
                .Where(c => c.CenterIds.Count > 0)],
        };
    }

    private static NetworkView Index(FulfillmentNetwork network) => new(
        new ReturnRouter(NetworkIndex.Build(network)),
        network.Centers.ToDictionary(c => c.Id, StringComparer.Ordinal),
        network.Contracts.ToDictionary(c => c.TenantId, StringComparer.Ordinal),
        network.Carriers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading {Key} into the network snapshot failed")]
    private partial void LogReloadFailed(Exception exception, ActorKey key);
}

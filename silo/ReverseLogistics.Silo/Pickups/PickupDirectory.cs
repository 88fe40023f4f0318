using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>Lists pickups and manifests through the store's index: no actor is activated.</summary>
public sealed class PickupDirectory(IActorStore store, PlatformClock time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>A merchant's returns holding a pickup (not cancelled), newest return first.</summary>
    public async Task<Proto.ListPickupsResponse> ListPickupsAsync(string tenantId, Proto.ListPickupsRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, ReturnIds.IsWellFormed);
        var size = PageSize(request.PageSize);
        var (returns, next) = await IndexPage.ReadAsync<ReturnRecord>(store,
            new IndexQuery(tenantId, ReturnGrain.TypeName, [IndexCondition.Range(ReturnIndex.Pickup)], after, size, Descending: true), cancellationToken);
        var response = new Proto.ListPickupsResponse { NextPageToken = next };
        var now = time.GetUtcNow().UtcDateTime;
        response.Pickups.AddRange(returns.Where(r => r.State.Pickup is not null).Select(r => PickupMapper.ToProto(r.Key.Id, r.State, now)));
        return response;
    }

    /// <summary>Built manifests by id (carrier, then window start), without their stops.</summary>
    public async Task<Proto.ListManifestsResponse> ListManifestsAsync(Proto.ListManifestsRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, id => id.Contains('@'));
        var size = PageSize(request.PageSize);
        List<IndexCondition> conditions = [IndexCondition.Equal(CarrierWindowGrain.ManifestIndex, "built")];
        if (request.CarrierId.Length > 0) conditions.Add(IndexCondition.Equal(CarrierWindowGrain.CarrierIndex, request.CarrierId));
        var (windows, next) = await IndexPage.ReadAsync<CarrierWindowState>(store,
            new IndexQuery(TenantIds.Platform, CarrierWindowGrain.TypeName, conditions, after, size), cancellationToken);
        var response = new Proto.ListManifestsResponse { NextPageToken = next };
        foreach (var (key, window) in windows)
        {
            if (window is { Slot: { } slot, ManifestedAt: { } at }) response.Manifests.Add(PickupMapper.ToProto(key.Id, window, slot, at, withStops: false));
        }
        return response;
    }

    /// <summary>The 3PL's pickup schedules by id, each with its next cut-off.</summary>
    public async Task<Proto.ListPickupSchedulesResponse> ListSchedulesAsync(Proto.ListPickupSchedulesRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, id => id.Length > 0);
        var size = PageSize(request.PageSize);
        var page = await store.ListAsync(PickupScheduleGrain.TypeName, TenantIds.Platform,
            after is null ? null : new ActorKey(TenantIds.Platform, PickupScheduleGrain.TypeName, after), size + 1, cancellationToken);
        var response = new Proto.ListPickupSchedulesResponse();
        var now = time.GetUtcNow().UtcDateTime;
        response.Schedules.AddRange(page.Take(size).Select(p =>
            PickupScheduleMapper.ToProto(JsonSerializer.Deserialize<PickupScheduleState>(p.Record.State, DomainJson.Options)!, now)));
        if (page.Count > size) response.NextPageToken = PageTokens.Encode(page[size - 1].Key.Id);
        return response;
    }

    private static int PageSize(int requested)
    {
        new Validator().Require(requested is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}").ThrowIfInvalid();
        return requested == 0 ? DefaultPageSize : requested;
    }
}

using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Network;

/// <summary>Lists centres and carriers by id through the store's index, without activating their actors.</summary>
public sealed class NetworkDirectory(IActorStore store, PlatformClock time)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public async Task<Proto.ListFulfillmentCentersResponse> ListCentersAsync(Proto.ListFulfillmentCentersRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, IsId);
        new Validator()
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}")
            .Require(Enum.IsDefined(request.Status), "status", "unknown status")
            .ThrowIfInvalid();
        var conditions = new List<IndexCondition>();
        if (request.Status != Proto.CenterStatus.Unspecified)
            conditions.Add(IndexCondition.Equal(FulfillmentCenterGrain.StatusIndex,
                (request.Status == Proto.CenterStatus.Paused ? CenterStatus.Paused : CenterStatus.Active).ToString()));
        if (request.CountryCode.Length > 0) conditions.Add(IndexCondition.Equal(FulfillmentCenterGrain.CountryIndex, request.CountryCode));

        var states = new List<FulfillmentCenterState>();
        var response = new Proto.ListFulfillmentCentersResponse();
        response.NextPageToken = await PageAsync<FulfillmentCenterState>(FulfillmentCenterGrain.TypeName, conditions, after, request.PageSize,
            states.Add, cancellationToken);
        var loads = await LoadsAsync([.. states.Select(s => s.Center.Id)], cancellationToken);
        response.FulfillmentCenters.AddRange(states.Select(state => NetworkMapper.ToProto(state.Center, state.CreatedAt, state.UpdatedAt, loads(state.Center.Id))));
        return response;
    }

    /// <summary>The centres' booked units per day from today (by the business clock) on, as the returns' commits counted them.</summary>
    public async Task<Func<string, IEnumerable<(DateOnly Day, int Units)>>> LoadsAsync(IReadOnlyList<string> centerIds, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var loads = await CenterBookingCounters.ReadAsync(store, centerIds, today, cancellationToken);
        return centerId => loads.TryGetValue(centerId, out var days) ? new CenterLoad(days).From(today) : [];
    }

    public async Task<Proto.ListCarriersResponse> ListCarriersAsync(Proto.ListCarriersRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, IsId);
        new Validator().Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}").ThrowIfInvalid();
        var response = new Proto.ListCarriersResponse();
        response.NextPageToken = await PageAsync<CarrierState>(CarrierGrain.TypeName, [], after, request.PageSize,
            state => response.Carriers.Add(NetworkMapper.ToProto(state.Carrier, state.CreatedAt, state.UpdatedAt)),
            cancellationToken);
        return response;
    }

    /// <summary>Adds one page of actors in id order; returns the next page's token, empty after the last page.</summary>
    private async Task<string> PageAsync<TState>(string actorType, IReadOnlyList<IndexCondition> conditions, string? after, int pageSize,
        Action<TState> add, CancellationToken cancellationToken)
    {
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var (items, next) = await IndexPage.ReadAsync<TState>(store,
            new IndexQuery(TenantIds.Platform, actorType, conditions, after, size), cancellationToken);
        foreach (var (_, state) in items) add(state);
        return next;
    }

    private static bool IsId(string id) => NetworkValidator.IsValidId(id);
}

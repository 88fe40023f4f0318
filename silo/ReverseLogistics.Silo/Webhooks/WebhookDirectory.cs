using System.Globalization;
using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Webhooks;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Webhooks;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>
/// Reads endpoints and their deliveries from the store as last committed, without calling their grains, so a read
/// never waits behind a delivery in progress.
/// </summary>
public sealed class WebhookDirectory(IActorStore store)
{
    public const int MaxEndpointPageSize = 100;
    public const int DefaultDeliveryPageSize = 20;
    public const int MaxDeliveryPageSize = 100;

    public async Task<Proto.ListWebhookEndpointsResponse> ListEndpointsAsync(string tenantId, Proto.ListWebhookEndpointsRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, WebhookIds.IsValid);
        new Validator().Require(request.PageSize is >= 0 and <= MaxEndpointPageSize, "page_size", $"between 0 and {MaxEndpointPageSize}").ThrowIfInvalid();
        var query = new IndexQuery(tenantId, WebhookEndpointGrain.TypeName, [IndexCondition.Equal(WebhookEndpointGrain.ListedIndex, "yes")], after,
            request.PageSize == 0 ? MaxEndpointPageSize : request.PageSize);
        var (items, next) = await IndexPage.ReadAsync<WebhookEndpointState>(store, query, cancellationToken);
        var response = new Proto.ListWebhookEndpointsResponse { NextPageToken = next };
        response.Endpoints.AddRange(items.Where(i => i.State is { Deleted: false, Endpoint: not null }).Select(i => WebhookMapper.ToProto(i.State.Endpoint!)));
        return response;
    }

    public async Task<Proto.ListDeliveriesResponse> ListDeliveriesAsync(string tenantId, Proto.ListDeliveriesRequest request, CancellationToken cancellationToken)
    {
        var before = PageTokens.Decode(request.PageToken, token => long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        new Validator()
            .Require(request.EndpointId.Length > 0, "endpoint_id", "required")
            .Require(request.PageSize is >= 0 and <= MaxDeliveryPageSize, "page_size", $"between 0 and {MaxDeliveryPageSize}")
            .ThrowIfInvalid();
        var state = await ReadAsync(tenantId, request.EndpointId, cancellationToken);
        var size = request.PageSize == 0 ? DefaultDeliveryPageSize : request.PageSize;
        var below = before is null ? long.MaxValue : long.Parse(before, CultureInfo.InvariantCulture);
        var page = state.Deliveries().Where(d => d.Number < below).Take(size + 1).ToList();
        var response = new Proto.ListDeliveriesResponse();
        response.Deliveries.AddRange(page.Take(size).Select(WebhookMapper.ToProto));
        if (page.Count > size) response.NextPageToken = PageTokens.Encode(page[size - 1].Number.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private async Task<WebhookEndpointState> ReadAsync(string tenantId, string endpointId, CancellationToken cancellationToken)
    {
        var record = WebhookIds.IsValid(endpointId)
            ? await store.ReadAsync(new ActorKey(tenantId, WebhookEndpointGrain.TypeName, endpointId), cancellationToken)
            : null;
        var state = record is null ? null : JsonSerializer.Deserialize<WebhookEndpointState>(record.State, DomainJson.Options);
        return state is { Deleted: false, Endpoint: not null } ? state : throw new NotFoundException($"Webhook endpoint '{endpointId}' not found.");
    }
}

using Grpc.Core;
using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Webhooks;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Webhooks;
using ReverseLogistics.Silo.Events;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using WebhookEndpoint = ReverseLogistics.V1.WebhookEndpoint;
using WebhookServiceBase = ReverseLogistics.V1.WebhookService.WebhookServiceBase;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>reverselogistics.v1.WebhookService: a merchant's webhook endpoints and their deliveries (docs/webhooks.md).</summary>
public sealed class WebhookService(IGrainFactory grains, IdempotentRequests idempotency, WebhookDirectory directory, SiloOptions options)
    : WebhookServiceBase
{
    public override async Task<CreateWebhookEndpointResponse> CreateWebhookEndpoint(CreateWebhookEndpointRequest request, ServerCallContext context)
    {
        var definition = DefinitionOf(request.Url, request.EventTypes, request.Description, new Validator());
        var id = WebhookIds.New();
        var created = await idempotency.RunAsync(context, request.RequestId, request,
            (caller, ticket) => grains.WebhookEndpoint(caller.TenantId, id).CreateAsync(definition, caller, ticket), sealResponse: true);
        return new CreateWebhookEndpointResponse { Endpoint = WebhookMapper.ToProto(created.Endpoint), Secret = created.Secret };
    }

    public override Task<ListWebhookEndpointsResponse> ListWebhookEndpoints(ListWebhookEndpointsRequest request, ServerCallContext context) =>
        directory.ListEndpointsAsync(context.GetCaller().TenantId, request, context.CancellationToken);

    public override async Task<WebhookEndpoint> UpdateWebhookEndpoint(UpdateWebhookEndpointRequest request, ServerCallContext context)
    {
        var definition = DefinitionOf(request.Url, request.EventTypes, request.Description, EndpointId(request.EndpointId));
        var endpoint = await Existing(request.EndpointId, (grain, caller, ticket) => grain.UpdateAsync(definition, request.Enabled, caller, ticket),
            context, request.RequestId, request);
        return WebhookMapper.ToProto(endpoint);
    }

    public override async Task<WebhookEndpoint> DeleteWebhookEndpoint(DeleteWebhookEndpointRequest request, ServerCallContext context)
    {
        EndpointId(request.EndpointId).ThrowIfInvalid();
        return WebhookMapper.ToProto(await Existing(request.EndpointId, (grain, caller, ticket) => grain.DeleteAsync(caller, ticket),
            context, request.RequestId, request));
    }

    public override async Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context)
    {
        EndpointId(request.EndpointId).ThrowIfInvalid();
        var rotated = await Existing(request.EndpointId, (grain, caller, ticket) => grain.RotateSecretAsync(caller, ticket),
            context, request.RequestId, request, sealResponse: true);
        return new RotateWebhookSecretResponse { Endpoint = WebhookMapper.ToProto(rotated.Endpoint), Secret = rotated.Secret };
    }

    public override Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context) =>
        directory.ListDeliveriesAsync(context.GetCaller().TenantId, request, context.CancellationToken);

    public override async Task<Delivery> RedeliverEvent(RedeliverEventRequest request, ServerCallContext context)
    {
        var position = WebhookMapper.PositionOf(request.EventId);
        EndpointId(request.EndpointId).Require(position is not null, "event_id", "an event id, evt_<position>").ThrowIfInvalid();
        var queued = await Existing(request.EndpointId, (grain, caller, ticket) => grain.RedeliverAsync(position!.Value, caller, ticket),
            context, request.RequestId, request);
        return WebhookMapper.ToProto(queued);
    }

    private WebhookEndpointDefinition DefinitionOf(string url, IReadOnlyList<string> eventTypes, string description, Validator v)
    {
        WebhookUrl.Validate(v, "url", url, options.WebhooksAllowPrivate);
        for (var i = 0; i < eventTypes.Count; i++)
        {
            v.Require(EventCatalog.IsKnown(eventTypes[i]), $"event_types[{i}]", "an event type of docs/events.md, e.g. return.approved");
            v.Require(eventTypes.Take(i).All(t => t != eventTypes[i]), $"event_types[{i}]", "listed once");
        }
        v.ThrowIfInvalid();
        return new WebhookEndpointDefinition(url, [.. eventTypes], description);
    }

    private static Validator EndpointId(string endpointId) => new Validator().Require(endpointId.Length > 0, "endpoint_id", "required");

    /// <summary>Runs a mutation on an endpoint of the caller's tenant; an id the platform never minted is NOT_FOUND without a call.</summary>
    private Task<TResult> Existing<TRequest, TResult>(string endpointId, Func<IWebhookEndpointGrain, Domain.Tenants.Caller, Grains.Idempotency.IdempotencyTicket, Task<TResult>> mutation,
        ServerCallContext context, string requestId, TRequest request, bool sealResponse = false)
        where TRequest : Google.Protobuf.IMessage<TRequest>
    {
        if (!WebhookIds.IsValid(endpointId)) throw new NotFoundException($"Webhook endpoint '{endpointId}' not found.");
        return idempotency.RunAsync(context, requestId, request,
            (caller, ticket) => mutation(grains.WebhookEndpoint(caller.TenantId, endpointId), caller, ticket), sealResponse);
    }
}

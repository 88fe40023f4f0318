using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Routing;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Idempotency;
using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Routing;
using Proto = ReverseLogistics.V1;
using NetworkServiceBase = ReverseLogistics.V1.NetworkService.NetworkServiceBase;

namespace ReverseLogistics.Silo.Network;

/// <summary>reverselogistics.v1.NetworkService: the operators' fulfilment network, and routing over it.</summary>
public sealed class NetworkService(
    IGrainFactory grains,
    IdempotentRequests idempotency,
    NetworkDirectory directory,
    NetworkSnapshot snapshot,
    IReturnRouter router,
    ReturnDirectory returns,
    PlatformClock time) : NetworkServiceBase
{
    private static readonly (string, string)[] CenterFields = [("center.id", "fulfillment_center.fulfillment_center_id"), ("center", "fulfillment_center")];
    private static readonly (string, string)[] CarrierFields = [("carrier.id", "carrier.carrier_id"), ("carrier.center_ids", "carrier.fulfillment_center_ids")];
    private static readonly (string, string)[] ContractFields = [("contract.center_ids", "contract.fulfillment_center_ids")];
    public override Task<Proto.ListFulfillmentCentersResponse> ListFulfillmentCenters(Proto.ListFulfillmentCentersRequest request, ServerCallContext context) =>
        directory.ListCentersAsync(request, context.CancellationToken);

    public override Task<Proto.ListCarriersResponse> ListCarriers(Proto.ListCarriersRequest request, ServerCallContext context) =>
        directory.ListCarriersAsync(request, context.CancellationToken);

    public override Task<Proto.FulfillmentCenter> CreateFulfillmentCenter(Proto.CreateFulfillmentCenterRequest request, ServerCallContext context)
    {
        var center = CenterOf(request.FulfillmentCenter);
        return CenterAsync(MutateAsync(context, request.RequestId, request, (caller, ticket) => grains.FulfillmentCenter(center.Id).CreateAsync(center, caller, ticket)));
    }

    public override Task<Proto.FulfillmentCenter> UpdateFulfillmentCenter(Proto.UpdateFulfillmentCenterRequest request, ServerCallContext context)
    {
        var center = CenterOf(request.FulfillmentCenter);
        return CenterAsync(MutateAsync(context, request.RequestId, request, (caller, ticket) => grains.FulfillmentCenter(center.Id).UpdateAsync(center, caller, ticket)));
    }

    public override Task<Proto.FulfillmentCenter> GetFulfillmentCenter(Proto.GetFulfillmentCenterRequest request, ServerCallContext context)
    {
        new Validator().Require(request.FulfillmentCenterId.Length > 0, "fulfillment_center_id", "required").ThrowIfInvalid();
        if (!NetworkValidator.IsValidId(request.FulfillmentCenterId))
            throw new NotFoundException($"Fulfilment centre '{request.FulfillmentCenterId}' not found.");
        return CenterAsync(grains.FulfillmentCenter(request.FulfillmentCenterId).GetAsync());
    }

    public override async Task<Proto.Carrier> CreateCarrier(Proto.CreateCarrierRequest request, ServerCallContext context)
    {
        var carrier = await CarrierOfAsync(request.Carrier, context.CancellationToken);
        return ToProto(await MutateAsync(context, request.RequestId, request, (caller, ticket) => grains.Carrier(carrier.Id).CreateAsync(carrier, caller, ticket)));
    }

    public override async Task<Proto.Carrier> UpdateCarrier(Proto.UpdateCarrierRequest request, ServerCallContext context)
    {
        var carrier = await CarrierOfAsync(request.Carrier, context.CancellationToken);
        return ToProto(await MutateAsync(context, request.RequestId, request, (caller, ticket) => grains.Carrier(carrier.Id).UpdateAsync(carrier, caller, ticket)));
    }

    public override async Task<Proto.TenantContract> SetTenantContract(Proto.SetTenantContractRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var contract = NetworkMapper.ToDomain(request.Contract ?? new(), v, "contract");
        var view = await snapshot.CurrentAsync(context.CancellationToken);
        for (var i = 0; i < contract.CenterIds.Count; i++)
            v.Require(contract.CenterIds[i].Length == 0 || view.Centers.ContainsKey(contract.CenterIds[i]), $"contract.fulfillment_center_ids[{i}]", "no such fulfilment centre");
        NetworkMapper.Validate(v, () => NetworkValidator.Validate(contract), ContractFields);
        await RequireTenantAsync(contract.TenantId, context.CancellationToken);
        return ToProto(await MutateAsync(context, request.RequestId, request, (caller, ticket) => grains.TenantContract(contract.TenantId).SetAsync(contract, caller, ticket)));
    }

    public override async Task<Proto.TenantContract> GetTenantContract(Proto.GetTenantContractRequest request, ServerCallContext context) =>
        ToProto(await grains.TenantContract(MerchantId(request.TenantId)).GetAsync());

    public override async Task<Proto.Routing> RouteReturn(Proto.RouteReturnRequest request, ServerCallContext context)
    {
        var tenantId = MerchantId(request.TenantId);
        var now = time.GetUtcNow().UtcDateTime;
        var subject = request.SubjectCase switch
        {
            Proto.RouteReturnRequest.SubjectOneofCase.ReturnId => await ReturnSubjectAsync(tenantId, request.ReturnId, context.CancellationToken),
            Proto.RouteReturnRequest.SubjectOneofCase.Query => QuerySubject(tenantId, request.Query),
            _ => throw new InvalidInputException([new("subject", "either return_id or query")]),
        };
        return RoutingMapper.ToProto(await router.PreviewAsync(subject, now, context.CancellationToken));
    }

    public override async Task<Proto.Return> RerouteReturn(Proto.RerouteReturnRequest request, ServerCallContext context)
    {
        var tenantId = MerchantId(request.TenantId);
        var target = RequestedReturn.Of(grains, tenantId, request.ReturnId);
        var snapshot = await idempotency.RunAsync(context, request.RequestId, request,
            (caller, ticket) => target.RerouteAsync(request.Reason.Trim(), caller, ticket));
        return ReturnMapper.ToProto(snapshot.ReturnId, snapshot.State);
    }

    private static FulfillmentCenter CenterOf(Proto.FulfillmentCenter? proto)
    {
        var v = new Validator();
        var center = NetworkMapper.ToDomain(proto ?? new(), v, "fulfillment_center");
        NetworkMapper.Validate(v, () => NetworkValidator.Validate(center), CenterFields);
        return center;
    }

    /// <summary>A valid carrier that fits the network: centres it names exist, and it prices in the network's currency.</summary>
    private async Task<Carrier> CarrierOfAsync(Proto.Carrier? proto, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var carrier = NetworkMapper.ToDomain(proto ?? new(), v, "carrier");
        var view = await snapshot.CurrentAsync(cancellationToken);
        for (var i = 0; i < carrier.CenterIds.Count; i++)
            v.Require(carrier.CenterIds[i].Length == 0 || view.Centers.ContainsKey(carrier.CenterIds[i]), $"carrier.fulfillment_center_ids[{i}]", "no such fulfilment centre");
        var currency = view.Router.Index.Network.Carriers.FirstOrDefault(c => c.Id != carrier.Id)?.CostPerParcel.CurrencyCode;
        v.Require(currency is null || carrier.CostPerParcel.CurrencyCode == currency, "carrier.cost_per_parcel.currency_code",
            $"every carrier of the network prices in one currency, {currency}");
        NetworkMapper.Validate(v, () => NetworkValidator.Validate(carrier), CarrierFields);
        return carrier;
    }

    private async Task<RoutingSubject> ReturnSubjectAsync(string tenantId, string returnId, CancellationToken cancellationToken)
    {
        new Validator().Require(returnId.Length > 0, "return_id", "required").ThrowIfInvalid();
        return RoutingSubject.Of(tenantId, returnId, await returns.ReadAsync(tenantId, returnId, cancellationToken));
    }

    private static RoutingSubject QuerySubject(string tenantId, Proto.RoutingQuery query)
    {
        var v = new Validator();
        var services = NetworkMapper.ToDomain(query.ServicesNeeded, v, "query.services_needed");
        var location = query.CustomerLocation;
        v.Require(CountryCodes.IsAssigned(query.CountryCode), "query.country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
        v.Require(query.ReturnMethod != Proto.ReturnMethod.Unspecified && Enum.IsDefined(query.ReturnMethod), "query.return_method", "required");
        v.Require(location is null || (double.IsFinite(location.Latitude) && location.Latitude is >= -90 and <= 90), "query.customer_location.latitude", "-90 to 90 degrees");
        v.Require(location is null || (double.IsFinite(location.Longitude) && location.Longitude is >= -180 and <= 180), "query.customer_location.longitude", "-180 to 180 degrees");
        DateOnly? arrival = null;
        if (query.ArrivalDay.Length > 0)
        {
            var parsed = DateOnly.TryParseExact(query.ArrivalDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
            v.Require(parsed, "query.arrival_day", "a day \"YYYY-MM-DD\"");
            if (parsed) arrival = day;
        }
        for (var i = 0; i < query.Categories.Count; i++) v.Require(query.Categories[i].Length > 0, $"query.categories[{i}]", "not empty");
        v.ThrowIfInvalid();
        var address = new CustomerAddress
        {
            CountryCode = query.CountryCode,
            PostalCode = query.PostalCode,
            Location = location is null ? null : new GeoPoint(location.Latitude, location.Longitude),
        };
        return new RoutingSubject(tenantId, null, address, (ReturnMethod)(int)query.ReturnMethod, [.. query.Categories.Distinct()], 1)
        {
            ExtraServices = services,
            ArrivalDay = arrival,
        };
    }

    private async Task RequireTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        (await grains.Tenant(tenantId).GetAsync().WaitAsync(cancellationToken)).RequireExisting();

    private Task<TResult> MutateAsync<TRequest, TResult>(ServerCallContext context, string requestId, TRequest request,
        Func<Caller, IdempotencyTicket, Task<TResult>> call) where TRequest : IMessage<TRequest> =>
        idempotency.RunAsync(context, requestId, request, call);

    /// <summary>A centre with its expected load from today (by the business clock) on.</summary>
    private async Task<Proto.FulfillmentCenter> CenterAsync(Task<FulfillmentCenterState> call)
    {
        var state = await call;
        var loads = await directory.LoadsAsync([state.Center.Id], CancellationToken.None);
        return NetworkMapper.ToProto(state.Center, state.CreatedAt, state.UpdatedAt, loads(state.Center.Id));
    }

    private static Proto.Carrier ToProto(CarrierState state) => NetworkMapper.ToProto(state.Carrier, state.CreatedAt, state.UpdatedAt);

    private static Proto.TenantContract ToProto(TenantContractState state) => NetworkMapper.ToProto(state.Contract!, state.UpdatedAt);

    /// <summary>The operator names the merchant; the 3PL's own tenant is not one.</summary>
    private static string MerchantId(string tenantId)
    {
        new Validator().Require(TenantIds.IsValidMerchantId(tenantId), "tenant_id", TenantIds.Rule).ThrowIfInvalid();
        return tenantId;
    }
}

using Orleans;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains.Policies;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Sales;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Grains.Webhooks;

namespace ReverseLogistics.Grains;

/// <summary>The platform's grains by what names them, so no caller builds a key by hand.</summary>
public static class GrainFactoryExtensions
{
    public static ITenantGrain Tenant(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<ITenantGrain>(GrainKeys.Of(tenantId, tenantId));

    public static IReturnPolicyGrain ReturnPolicy(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<IReturnPolicyGrain>(GrainKeys.Of(tenantId, IReturnPolicyGrain.Id));

    public static IFulfillmentCenterGrain FulfillmentCenter(this IGrainFactory grains, string centerId) =>
        grains.GetGrain<IFulfillmentCenterGrain>(GrainKeys.Of(TenantIds.Platform, centerId));

    public static ICarrierGrain Carrier(this IGrainFactory grains, string carrierId) =>
        grains.GetGrain<ICarrierGrain>(GrainKeys.Of(TenantIds.Platform, carrierId));

    public static ITenantContractGrain TenantContract(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<ITenantContractGrain>(GrainKeys.Of(TenantIds.Platform, tenantId));

    public static IPickupScheduleGrain PickupSchedule(this IGrainFactory grains, string scheduleId) =>
        grains.GetGrain<IPickupScheduleGrain>(GrainKeys.Of(TenantIds.Platform, scheduleId));

    public static ICarrierWindowGrain CarrierWindow(this IGrainFactory grains, string windowId) =>
        grains.GetGrain<ICarrierWindowGrain>(GrainKeys.Of(TenantIds.Platform, windowId));

    public static IReturnGrain Return(this IGrainFactory grains, string tenantId, string returnId) =>
        grains.GetGrain<IReturnGrain>(GrainKeys.Of(tenantId, returnId));

    public static ISalesDayGrain SalesDay(this IGrainFactory grains, string tenantId, DateOnly day) =>
        grains.GetGrain<ISalesDayGrain>(GrainKeys.Of(tenantId, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    public static IWebhookEndpointGrain WebhookEndpoint(this IGrainFactory grains, string tenantId, string endpointId) =>
        grains.GetGrain<IWebhookEndpointGrain>(GrainKeys.Of(tenantId, endpointId));
}

using Orleans;
using ReverseLogistics.Grains.Policies;
using ReverseLogistics.Grains.Tenants;

namespace ReverseLogistics.Grains;

/// <summary>The platform's grains by what names them, so no caller builds a key by hand.</summary>
public static class GrainFactoryExtensions
{
    public static ITenantGrain Tenant(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<ITenantGrain>(GrainKeys.Of(tenantId, tenantId));

    public static IReturnPolicyGrain ReturnPolicy(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<IReturnPolicyGrain>(GrainKeys.Of(tenantId, IReturnPolicyGrain.Id));
}

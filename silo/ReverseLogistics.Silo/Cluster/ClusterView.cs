using Orleans;
using Orleans.Runtime;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Security;

namespace ReverseLogistics.Silo.Cluster;

/// <summary>
/// GET /cluster on the admin port, for operators (their key as a Bearer token): the cluster's silos with their
/// status, and the grains active on each silo by grain type, from Orleans' management grain.
/// </summary>
public static class ClusterView
{
    public const string Path = "/cluster";

    public static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, ApiKeyAuthenticator authenticator)
    {
        var caller = ApiKeyAuthenticator.PresentedKey(http.Request.Headers.Authorization.ToString()) is { } presented
            ? await authenticator.AuthenticateAsync(presented, http.RequestAborted)
            : null;
        if (caller is null) return Results.Text("An operator key is required: Authorization: Bearer <key>.\n", statusCode: StatusCodes.Status401Unauthorized);
        if (caller.Role != ApiKeyRole.Operator) return Results.Text("Only operators see the cluster.\n", statusCode: StatusCodes.Status403Forbidden);

        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var statistics = await management.GetSimpleGrainStatistics();
        var silos = hosts
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new
            {
                address = h.SiloAddress.ToParsableString(),
                name = h.SiloName,
                host = h.HostName,
                status = h.Status.ToString(),
                started = h.StartTime,
                lastAlive = h.IAmAliveTime,
                activations = statistics.Where(s => s.SiloAddress.Equals(h.SiloAddress)).Sum(s => s.ActivationCount),
                grainTypes = statistics
                    .Where(s => s.SiloAddress.Equals(h.SiloAddress) && s.ActivationCount > 0)
                    .OrderBy(s => s.GrainType, StringComparer.Ordinal)
                    .ToDictionary(s => ShortName(s.GrainType), s => s.ActivationCount),
            });
        return Results.Json(new { silos });
    }

    /// <summary>"ReverseLogistics.Grains.Returns.ReturnGrain,ReverseLogistics.Grains" reads as "ReturnGrain".</summary>
    private static string ShortName(string grainType)
    {
        var type = grainType.Split(',')[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }
}

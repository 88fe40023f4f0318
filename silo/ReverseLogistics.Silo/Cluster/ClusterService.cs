using Grpc.Core;
using Orleans;
using Orleans.Runtime;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using ClusterServiceBase = ReverseLogistics.V1.ClusterService.ClusterServiceBase;

namespace ReverseLogistics.Silo.Cluster;

/// <summary>reverselogistics.v1.ClusterService: the cluster as Orleans' management grain sees it, for operators.</summary>
public sealed class ClusterService(IGrainFactory grains, ILocalSiloDetails local, SiloOptions options) : ClusterServiceBase
{
    public override async Task<ClusterStatus> GetClusterStatus(GetClusterStatusRequest request, ServerCallContext context)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false).WaitAsync(context.CancellationToken);
        var statistics = await management.GetSimpleGrainStatistics().WaitAsync(context.CancellationToken);
        return ClusterMapper.ToProto(options.Cluster.ClusterId, options.Store, local.SiloAddress, hosts, statistics);
    }
}

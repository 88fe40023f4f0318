using Google.Protobuf.WellKnownTypes;
using Orleans;
using Orleans.Runtime;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using OrleansSiloStatus = Orleans.Runtime.SiloStatus;

namespace ReverseLogistics.Silo.Cluster;

/// <summary>Orleans' membership and grain statistics in the wire form of ClusterService.</summary>
public static class ClusterMapper
{
    public static ClusterStatus ToProto(string clusterId, StoreKind store, SiloAddress answering, IEnumerable<MembershipEntry> hosts,
        IEnumerable<SimpleGrainStatistic> statistics)
    {
        var activations = statistics.GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Sum(s => (long)s.ActivationCount));
        var status = new ClusterStatus
        {
            ClusterId = clusterId,
            Store = store == StoreKind.Postgres ? ClusterStore.Postgres : ClusterStore.Sqlite,
            AnsweringSilo = answering.ToParsableString(),
        };
        status.Silos.AddRange(hosts
            .OrderBy(h => h.Status == OrleansSiloStatus.Active ? 0 : 1)
            .ThenBy(h => h.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .Select(h => new ClusterSilo
            {
                Address = h.SiloAddress.ToParsableString(),
                Name = h.SiloName ?? "",
                HostName = h.HostName ?? "",
                Status = ToProto(h.Status),
                StartTime = Timestamp.FromDateTime(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                IAmAliveTime = Timestamp.FromDateTime(DateTime.SpecifyKind(h.IAmAliveTime, DateTimeKind.Utc)),
                Activations = activations.GetValueOrDefault(h.SiloAddress),
                Answering = h.SiloAddress.Equals(answering),
            }));
        return status;
    }

    public static ClusterSiloStatus ToProto(OrleansSiloStatus status) => status switch
    {
        OrleansSiloStatus.Created => ClusterSiloStatus.Created,
        OrleansSiloStatus.Joining => ClusterSiloStatus.Joining,
        OrleansSiloStatus.Active => ClusterSiloStatus.Active,
        OrleansSiloStatus.ShuttingDown => ClusterSiloStatus.ShuttingDown,
        OrleansSiloStatus.Stopping => ClusterSiloStatus.Stopping,
        OrleansSiloStatus.Dead => ClusterSiloStatus.Dead,
        _ => ClusterSiloStatus.Unspecified,
    };
}

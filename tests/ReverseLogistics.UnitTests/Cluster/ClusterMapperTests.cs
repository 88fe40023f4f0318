using System.Net;
using Orleans;
using Orleans.Runtime;
using ReverseLogistics.Silo.Cluster;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;

namespace ReverseLogistics.UnitTests.Cluster;

public sealed class ClusterMapperTests
{
    private static readonly SiloAddress A = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.11"), 11111), 7);
    private static readonly SiloAddress B = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.12"), 11111), 3);
    private static readonly SiloAddress C = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.10"), 11111), 1);

    private static MembershipEntry Entry(SiloAddress address, SiloStatus status) => new()
    {
        SiloAddress = address, Status = status, SiloName = "node-" + address.Generation, HostName = "host",
        StartTime = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), IAmAliveTime = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Active_silos_come_first_with_their_activations_and_the_answering_one_is_marked()
    {
        var status = ClusterMapper.ToProto("rl", StoreKind.Postgres, B,
            [Entry(C, SiloStatus.Dead), Entry(B, SiloStatus.Active), Entry(A, SiloStatus.Active)],
            [new SimpleGrainStatistic { SiloAddress = A, GrainType = "ReturnGrain", ActivationCount = 5 },
             new SimpleGrainStatistic { SiloAddress = A, GrainType = "TenantGrain", ActivationCount = 2 }]);

        Assert.Equal(("rl", ClusterStore.Postgres, B.ToParsableString()), (status.ClusterId, status.Store, status.AnsweringSilo));
        Assert.Equal(
            [(A.ToParsableString(), ClusterSiloStatus.Active, 7L, false), (B.ToParsableString(), ClusterSiloStatus.Active, 0L, true),
             (C.ToParsableString(), ClusterSiloStatus.Dead, 0L, false)],
            status.Silos.Select(s => (s.Address, s.Status, s.Activations, s.Answering)));
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), status.Silos[0].StartTime.ToDateTime());
        Assert.Equal("node-7", status.Silos[0].Name);
    }

    [Theory]
    [InlineData(SiloStatus.Joining, ClusterSiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown, ClusterSiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping, ClusterSiloStatus.Stopping)]
    [InlineData(SiloStatus.None, ClusterSiloStatus.Unspecified)]
    public void Every_orleans_status_has_its_wire_name(SiloStatus status, ClusterSiloStatus expected) =>
        Assert.Equal(expected, ClusterMapper.ToProto(status));
}

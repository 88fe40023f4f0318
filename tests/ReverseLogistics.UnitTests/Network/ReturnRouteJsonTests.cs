using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Silo.Routing;
using static ReverseLogistics.UnitTests.Routing.RoutingSamples;

namespace ReverseLogistics.UnitTests.Network;

/// <summary>A routing decision is part of a return's stored state: it must read back as it was written.</summary>
public sealed class ReturnRouteJsonTests
{
    [Fact]
    public void A_stored_decision_reads_back_with_its_winner_candidates_and_explanation()
    {
        var decision = Route(NetworkOf(), Request, Booked("FC-BER-1", 1_000));
        var route = new ReturnRoute
        {
            Decision = decision,
            Destination = new Destination(decision.CenterId!, "Centre", ["1 Dock Road"], "Potsdam", "14467", "DE"),
            ArrivalDay = Monday,
            Units = 3,
            DecidedAt = new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc),
        };

        var back = JsonSerializer.Deserialize<ReturnRoute>(JsonSerializer.Serialize(route, DomainJson.Options), DomainJson.Options)!;

        Assert.Equal(RoutingMapper.ToProto(route), RoutingMapper.ToProto(back));
        Assert.Equal(decision.Winner, back.Decision.Winner);
        Assert.Contains(back.Decision.Candidates, c => c.Rejection?.Code == ReverseLogistics.Domain.Routing.RejectionCode.Full);
    }
}

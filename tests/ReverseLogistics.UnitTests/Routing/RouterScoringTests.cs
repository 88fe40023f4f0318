using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;
using static ReverseLogistics.UnitTests.Routing.RoutingSamples;

namespace ReverseLogistics.UnitTests.Routing;

public sealed class RouterScoringTests
{
    [Fact]
    public void The_score_is_the_documented_weighted_sum()
    {
        var decision = Route(NetworkOf(), Request, Booked("FC-BER-1", 60));

        var berlin = decision.Candidate("FC-BER-1");
        var km = Potsdam.DistanceKm(Berlin.Location);
        Assert.InRange(km, 25, 30);
        Assert.Equal(km, berlin.DistanceKm!.Value, 9);
        var score = berlin.Score!;
        Assert.Equal(200 / (200 + km), score.Distance, 9);
        Assert.Equal(340.0 / 400, score.Capacity, 9);
        Assert.Equal(1.0, score.Preference, 9);
        Assert.Equal(1.0, score.Cost, 9);
        Assert.Equal(0.45 * score.Distance + 0.25 * 0.85 + 0.20 + 0.10, score.Total, 8);
        Assert.Equal(1 - 2.0 / 5, decision.Candidate("FC-HAM-2").Score!.Preference, 9);
    }

    [Fact]
    public void Eligible_candidates_come_best_first_and_rejected_ones_after()
    {
        var decision = Route(NetworkOf(Hamburg with { Status = CenterStatus.Paused }), Request);

        var totals = decision.Candidates.TakeWhile(c => c.IsEligible).Select(c => c.Score!.Total).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        Assert.Equal(["FC-HAM-2", "FC-WAW-1"], decision.Candidates.SkipWhile(c => c.IsEligible).Select(c => c.CenterId));
    }

    [Fact]
    public void A_dearer_carrier_lowers_the_cost_term_relative_to_the_cheapest()
    {
        var network = NetworkOf() with { Carriers = [Dhl with { CountryRates = [new("DE", new(900, "EUR"))], CenterIds = [] }, PolishPost] };
        var decision = Route(network, Request);

        Assert.Equal(1.0, decision.Candidate("FC-WAW-1").Score!.Cost, 9);
        Assert.Equal(450.0 / 900, decision.Candidate("FC-BER-1").Score!.Cost, 9);
    }

    [Fact]
    public void Without_the_customers_location_distance_is_neutral_and_preference_decides()
    {
        var decision = Route(NetworkOf(), Request with { CustomerLocation = null });

        Assert.Equal("FC-BER-1", decision.CenterId);
        Assert.All(decision.Candidates, c => Assert.Null(c.DistanceKm));
        Assert.All(decision.Candidates.Where(c => c.IsEligible), c => Assert.Equal(RoutingWeights.NeutralDistance, c.Score!.Distance));
        Assert.Contains("distance unknown", decision.Explanation);
    }

    [Fact]
    public void Equal_totals_go_to_the_preferred_centre_not_the_lower_id()
    {
        // Rank 0 with 100/400 free against rank 1 with 260/400 free: 0.25 x 0.4 = 0.20 x 0.5, a tie.
        var network = new FulfillmentNetwork
        {
            Centers = [Center("FC-ZZZ-1", 50, 10), Center("FC-AAA-1", 51, 11)],
            Carriers = [Dhl with { CenterIds = [] }],
            Contracts = [new(Tenant, ["FC-ZZZ-1", "FC-AAA-1"])],
        };
        CapacityLookup usage = (id, _) => id == "FC-ZZZ-1" ? 300 : 140;

        var decision = Route(network, Request with { CustomerLocation = null }, usage);

        Assert.Equal(decision.Candidates[0].Score!.Total, decision.Candidates[1].Score!.Total);
        Assert.Equal("FC-ZZZ-1", decision.CenterId);
        Assert.EndsWith("won on a tie, broken by contract preference.", decision.Explanation);
    }

    [Fact]
    public void The_same_inputs_give_the_same_decision()
    {
        var index = NetworkIndex.Build(NetworkOf());
        var first = new ReturnRouter(index).Route(Request, Booked("FC-LEJ-1", 10));
        var second = new ReturnRouter(index).Route(Request, Booked("FC-LEJ-1", 10));

        Assert.Equal(first.Candidates, second.Candidates);
        Assert.Equal(first.Explanation, second.Explanation);
    }

    [Fact]
    public void The_explanation_names_the_winner_the_runner_up_and_the_deciding_term()
    {
        var decision = Route(NetworkOf(), Request, Booked("FC-BER-1", 60));

        Assert.StartsWith("FC-BER-1 (score ", decision.Explanation);
        Assert.Contains("27 km away, 340/400 free on 2026-11-23, preference #1, DHL at 450 EUR minor units", decision.Explanation);
        Assert.Contains("runner-up FC-LEJ-1", decision.Explanation);
        Assert.EndsWith("won on distance.", decision.Explanation);
    }

    [Fact]
    public void Capacity_can_outweigh_preference()
    {
        var network = NetworkOf() with { Contracts = [new(Tenant, ["FC-BER-1", "FC-LEJ-1"])] };
        var decision = Route(network, Request with { CustomerLocation = null }, Booked("FC-BER-1", 399));

        Assert.Equal("FC-LEJ-1", decision.CenterId);
        Assert.Contains("runner-up FC-BER-1", decision.Explanation);
        Assert.EndsWith("won on free capacity.", decision.Explanation);
    }

    [Fact]
    public void A_lone_eligible_centre_is_explained_with_the_nearest_rejection()
    {
        var decision = Route(NetworkOf(), Request with { ServicesNeeded = CenterServices.Hazmat });

        Assert.Contains("FC-MUC-1", decision.Explanation);
        Assert.Contains("the only eligible centre considered, 4 rejected (nearest FC-BER-1: ServiceMissing)", decision.Explanation);
    }
}

using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;
using static ReverseLogistics.UnitTests.Routing.RoutingSamples;

namespace ReverseLogistics.UnitTests.Routing;

public sealed class RouterFilterTests
{
    [Fact]
    public void The_nearest_capable_centre_wins_with_its_only_carrier()
    {
        var decision = Route(NetworkOf(), Request);

        Assert.Equal("FC-BER-1", decision.CenterId);
        Assert.Equal("DHL", decision.CarrierId);
        Assert.Equal(450, decision.CarrierCost!.Value.MinorUnits);
        Assert.Equal(["FC-BER-1", "FC-LEJ-1", "FC-HAM-2", "FC-MUC-1", "FC-WAW-1"], decision.Candidates.Select(c => c.CenterId));
    }

    [Fact]
    public void A_paused_centre_is_listed_as_paused_and_the_next_one_wins()
    {
        var decision = Route(NetworkOf(Berlin with { Status = CenterStatus.Paused }), Request);

        Assert.Equal("FC-LEJ-1", decision.CenterId);
        Assert.Equal(RejectionCode.Paused, decision.Candidate("FC-BER-1").Rejection!.Code);
    }

    [Fact]
    public void A_full_centre_overflows_to_the_next_one()
    {
        var decision = Route(NetworkOf(), Request, Booked("FC-BER-1", 400));

        Assert.Equal("FC-LEJ-1", decision.CenterId);
        var berlin = decision.Candidate("FC-BER-1");
        Assert.Equal(RejectionCode.Full, berlin.Rejection!.Code);
        Assert.Equal(0, berlin.FreeUnits);
        Assert.Contains("400 of 400", berlin.Rejection.Message);
    }

    [Fact]
    public void One_free_unit_is_not_full()
    {
        var berlin = Route(NetworkOf(), Request, Booked("FC-BER-1", 399)).Candidate("FC-BER-1");

        Assert.True(berlin.IsEligible);
        Assert.Equal(1, berlin.FreeUnits);
    }

    [Fact]
    public void A_centre_that_does_not_take_every_category_is_rejected()
    {
        var decision = Route(NetworkOf(Berlin with { CategoriesAccepted = ["apparel", "shoes"] }, Leipzig with { CategoriesAccepted = ["apparel"] }),
            Request with { Categories = ["shoes", "apparel", "toys"] });

        var berlin = decision.Candidate("FC-BER-1").Rejection!;
        Assert.Equal(RejectionCode.CategoryNotAccepted, berlin.Code);
        Assert.Contains("'toys'", berlin.Message);
        Assert.DoesNotContain("'shoes'", berlin.Message);
        Assert.Equal(RejectionCode.CategoryNotAccepted, decision.Candidate("FC-LEJ-1").Rejection!.Code);
        Assert.Equal("FC-HAM-2", decision.CenterId);
    }

    [Fact]
    public void A_hazmat_return_goes_to_the_only_hazmat_centre()
    {
        var decision = Route(NetworkOf(), Request with { ServicesNeeded = CenterServices.Hazmat | CenterServices.Grading });

        Assert.Equal("FC-MUC-1", decision.CenterId);
        var berlin = decision.Candidate("FC-BER-1").Rejection!;
        Assert.Equal(RejectionCode.ServiceMissing, berlin.Code);
        Assert.Contains("Hazmat", berlin.Message);
        Assert.DoesNotContain("Grading", berlin.Message);
    }

    [Fact]
    public void A_centre_no_carrier_from_the_customer_delivers_to_is_unreachable()
    {
        var decision = Route(NetworkOf(), Request);

        Assert.Equal(RejectionCode.NoCarrierCoverage, decision.Candidate("FC-WAW-1").Rejection!.Code);
    }

    [Fact]
    public void A_polish_customer_reaches_only_warsaw_at_the_polish_rate()
    {
        var decision = Route(NetworkOf(), Request with { CountryCode = "PL", PostalCode = "00-001", CustomerLocation = new GeoPoint(52.23, 21.0) });

        Assert.Equal("FC-WAW-1", decision.CenterId);
        Assert.Equal(("PL-POST", 250L), (decision.CarrierId, decision.CarrierCost!.Value.MinorUnits));
        Assert.All(decision.Candidates.Where(c => c.CenterId != "FC-WAW-1"), c => Assert.Equal(RejectionCode.NoCarrierCoverage, c.Rejection!.Code));
    }

    [Fact]
    public void The_cheapest_covering_carrier_is_chosen_and_postal_prefixes_limit_coverage()
    {
        var potsdam = Route(NetworkOf(), Request with { ReturnMethod = ReturnMethod.DropOffPoint });
        var munich = Route(NetworkOf(), Request with { ReturnMethod = ReturnMethod.DropOffPoint, PostalCode = "80331" });

        Assert.Equal(("HERMES", 300L), (potsdam.CarrierId, potsdam.CarrierCost!.Value.MinorUnits));
        Assert.Equal("DHL", munich.CarrierId);
        // Hermes delivers everywhere, so by drop-off Warsaw is reachable from Potsdam.
        Assert.True(potsdam.Candidate("FC-WAW-1").IsEligible);
    }

    [Fact]
    public void A_centre_closed_on_the_arrival_day_is_rejected()
    {
        var weekdays = Enumerable.Range(1, 5).Select(d => new OpeningHours((DayOfWeek)d, new TimeOnly(8, 0), new TimeOnly(18, 0))).ToList();
        var network = NetworkOf(Berlin with { OpeningHours = weekdays });

        Assert.Equal("FC-BER-1", Route(network, Request).CenterId);
        var saturday = Route(network, Request with { ArrivalDay = Monday.AddDays(5) });
        Assert.Equal(RejectionCode.ClosedOnArrivalDay, saturday.Candidate("FC-BER-1").Rejection!.Code);
        Assert.Equal("FC-LEJ-1", saturday.CenterId);
    }

    [Fact]
    public void Only_contracted_centres_are_eligible_and_the_grid_walk_names_the_others()
    {
        var southern = Request with { TenantId = "southern" };
        var scanned = Route(NetworkOf(), southern);
        var walked = Route(NetworkOf(), southern, contractScanLimit: 0);

        Assert.Equal("FC-LEJ-1", scanned.CenterId);
        Assert.Equal(["FC-LEJ-1", "FC-MUC-1"], scanned.Candidates.Select(c => c.CenterId));
        Assert.Equal("FC-LEJ-1", walked.CenterId);
        var berlin = walked.Candidate("FC-BER-1").Rejection!;
        Assert.Equal(RejectionCode.NotContracted, berlin.Code);
        Assert.Contains("southern", berlin.Message);
        Assert.Equal(scanned.Candidates.Where(c => c.IsEligible), walked.Candidates.Where(c => c.IsEligible));
    }

    [Fact]
    public void A_request_off_the_globe_or_without_a_method_is_refused()
    {
        var error = Assert.Throws<ReverseLogistics.Domain.Errors.InvalidInputException>(() =>
            Route(NetworkOf(), Request with { CustomerLocation = new GeoPoint(double.NaN, 200), ReturnMethod = 0 }));

        Assert.Equal(["return_method", "customer_location.latitude", "customer_location.longitude"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Without_a_contract_there_is_no_winner()
    {
        var decision = Route(NetworkOf(), Request with { TenantId = "stranger" });

        Assert.Null(decision.Winner);
        Assert.Contains("stranger", decision.Explanation);
    }

    [Fact]
    public void Without_a_carrier_from_the_customer_there_is_no_winner()
    {
        var decision = Route(NetworkOf(), Request with { ReturnMethod = ReturnMethod.InStore });

        Assert.Null(decision.Winner);
        Assert.Contains("InStore", decision.Explanation);
    }

    [Fact]
    public void When_every_centre_is_rejected_each_reason_is_given()
    {
        var decision = Route(NetworkOf(), Request with { TenantId = "southern" }, (_, _) => 1000);

        Assert.Null(decision.Winner);
        Assert.All(decision.Candidates, c => Assert.Equal(RejectionCode.Full, c.Rejection!.Code));
        Assert.StartsWith("No centre can take this return: FC-LEJ-1 Full, FC-MUC-1 Full", decision.Explanation);
    }
}

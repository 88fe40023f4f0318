using System.Text.Json;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Testing;

namespace ReverseLogistics.UnitTests.Policies;

public sealed class ReturnPolicyTests
{
    private static readonly ReturnPolicy Policy = Samples.Policy;

    [Fact]
    public void A_child_reason_inherits_its_parents_flags()
    {
        Assert.True(Policy.RequiresPhoto("damaged.in_transit"));
        Assert.True(Policy.WaivesFees("damaged.in_transit"));
        Assert.False(Policy.RequiresPhoto("wrong_size"));
        Assert.False(Policy.WaivesFees("changed_mind"));
    }

    [Fact]
    public void A_reason_is_within_a_set_holding_it_or_an_ancestor()
    {
        Assert.True(Policy.ReasonIsWithin("damaged.in_transit", ["damaged"]));
        Assert.True(Policy.ReasonIsWithin("damaged", ["damaged"]));
        Assert.False(Policy.ReasonIsWithin("damaged", ["damaged.in_transit"]));
        Assert.False(Policy.ReasonIsWithin("unknown", ["damaged"]));
    }

    [Fact]
    public void Unknown_or_cyclic_reasons_end_the_lineage_instead_of_looping()
    {
        var cyclic = Policy with { Reasons = [new() { Code = "a", ParentCode = "b" }, new() { Code = "b", ParentCode = "a", RequiresPhoto = true }] };

        Assert.True(cyclic.RequiresPhoto("a"));
        Assert.False(cyclic.RequiresPhoto("nope"));
    }

    [Fact]
    public void Restocking_percent_uses_the_category_override_else_the_default()
    {
        Assert.Equal(15m, Policy.RestockingFee.PercentFor("electronics"));
        Assert.Equal(10m, Policy.RestockingFee.PercentFor("apparel"));
    }

    [Theory]
    [InlineData(InspectionGrade.A, 100)]
    [InlineData(InspectionGrade.B, 100)]
    [InlineData(InspectionGrade.C, 50)]
    [InlineData(InspectionGrade.D, 0)]
    [InlineData(InspectionGrade.Scrap, 0)]
    public void Grade_refund_defaults(InspectionGrade grade, int percent) =>
        Assert.Equal(percent, new GradeRefunds().PercentFor(grade));

    [Fact]
    public void The_default_policy_offers_every_resolution_and_auto_approves_small_returns()
    {
        var policy = ReturnPolicy.Default;

        Assert.Equal(30, policy.WindowDays);
        Assert.Equal(3, policy.Resolutions.Allowed.Count);
        Assert.True(policy.AutoApprove.Enabled);
        Assert.Equal(Samples.Usd(200_00), policy.AutoApprove.MaxTotalValue);
        Assert.Contains("final_sale", policy.NonReturnableCategories);
    }

    [Fact]
    public void A_policy_survives_a_json_round_trip()
    {
        var json = JsonSerializer.Serialize(Policy);
        var back = JsonSerializer.Deserialize<ReturnPolicy>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(Samples.Usd(5_95), back.ReturnShipping.Fee);
        Assert.Equal("damaged", back.FindReason("damaged.in_transit")!.ParentCode);
        Assert.Contains("\"MinorUnits\":595", json);
    }
}

using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using static ReverseLogistics.UnitTests.Routing.RoutingSamples;

namespace ReverseLogistics.UnitTests.Routing;

/// <summary>What the pickups work relies on (pickup windows, label format) and the contract's category rules.</summary>
public sealed class CarrierAndContractRulesTests
{
    private static IReadOnlyList<string> FieldsOf(Action validate) =>
        Assert.Throws<InvalidInputException>(validate).Violations.Select(v => v.Field).Distinct().ToList();

    private static readonly PickupWindow Morning = new(DayOfWeek.Monday, new(9, 0), new(12, 0), 40);

    public static TheoryData<string, Carrier> BadCarriers => new()
    {
        { "carrier.pickup_windows[0].day", Dhl with { PickupWindows = [Morning with { Day = (DayOfWeek)9 }] } },
        { "carrier.pickup_windows[0].ends", Dhl with { PickupWindows = [Morning with { Ends = new(8, 0) }] } },
        { "carrier.pickup_windows[0].capacity", Dhl with { PickupWindows = [Morning with { Capacity = 0 }] } },
        { "carrier.pickup_windows[1]", Dhl with { PickupWindows = [Morning, Morning with { Starts = new(11, 0), Ends = new(14, 0) }] } },
        { "carrier.label_format", Dhl with { LabelFormat = 0 } },
    };

    [Theory]
    [MemberData(nameof(BadCarriers))]
    public void Names_the_bad_carrier_field(string field, Carrier carrier) =>
        Assert.Equal([field], FieldsOf(() => NetworkValidator.Validate(carrier)));

    [Fact]
    public void Back_to_back_windows_and_windows_on_other_days_do_not_overlap() =>
        NetworkValidator.Validate(Dhl with
        {
            PickupWindows = [Morning, Morning with { Starts = new(12, 0), Ends = new(15, 0) }, Morning with { Day = DayOfWeek.Tuesday }],
            LabelFormat = CarrierLabelFormat.Zpl,
        });

    public static TheoryData<string, TenantContract> BadContracts => new()
    {
        { "contract.category_services[0].category", new TenantContract("acme", ["FC-BER-1"]) { CategoryServices = [new(" ", CenterServices.Hazmat)] } },
        { "contract.category_services[1].category", new TenantContract("acme", ["FC-BER-1"]) { CategoryServices = [new("batteries", CenterServices.Hazmat), new("batteries", CenterServices.Grading)] } },
        { "contract.category_services[0].services", new TenantContract("acme", ["FC-BER-1"]) { CategoryServices = [new("batteries", CenterServices.None)] } },
    };

    [Theory]
    [MemberData(nameof(BadContracts))]
    public void Names_the_bad_contract_field(string field, TenantContract contract) =>
        Assert.Equal([field], FieldsOf(() => NetworkValidator.Validate(contract)));

    [Fact]
    public void A_contract_adds_up_the_services_of_every_category_it_has_a_rule_for()
    {
        var contract = new TenantContract("acme", ["FC-BER-1"])
        {
            CategoryServices = [new("batteries", CenterServices.Hazmat), new("phones", CenterServices.Refurbishment | CenterServices.Grading)],
        };

        Assert.Equal(CenterServices.All & ~CenterServices.Liquidation, contract.ServicesFor(["batteries", "phones", "shoes"]));
        Assert.Equal(CenterServices.None, contract.ServicesFor(["shoes"]));
    }
}

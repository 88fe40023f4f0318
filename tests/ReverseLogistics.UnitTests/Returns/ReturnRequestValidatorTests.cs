using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class ReturnRequestValidatorTests
{
    private static IReadOnlyList<string> FieldsOf(ReturnRequest request) =>
        Assert.Throws<InvalidInputException>(() => ReturnRequestValidator.Validate(request)).Violations.Select(v => v.Field).ToList();

    private static ReturnRequest WithLine(ReturnLine line) => Request(Line(), line);

    [Fact]
    public void A_well_formed_request_passes() => ReturnRequestValidator.Validate(Request(Line(), Line("SKU-2") with { OrderReference = "ORD-2", PhotoUrls = ["https://cdn.example.com/p/1.jpg"] }));

    public static TheoryData<string, ReturnRequest> BadRequests => new()
    {
        { "customer_reference", Request() with { CustomerReference = " " } },
        { "customer_reference", Request() with { CustomerReference = new string('c', ReturnRequestValidator.MaxReference + 1) } },
        { "customer_address.country_code", Request() with { CustomerAddress = Request().CustomerAddress with { CountryCode = "usa" } } },
        { "customer_address.country_code", Request() with { CustomerAddress = Request().CustomerAddress with { CountryCode = "UK" } } },
        { "customer_address.postal_code", Request() with { CustomerAddress = Request().CustomerAddress with { PostalCode = "" } } },
        { "customer_address.postal_code", Request() with { CustomerAddress = Request().CustomerAddress with { PostalCode = "12345/678" } } },
        { "lines", Request() with { Lines = [] } },
        { "lines", Request() with { Lines = Enumerable.Repeat(Line(), ReturnRequestValidator.MaxLines + 1).ToList() } },
        { "requested_resolution", Request() with { RequestedResolution = 0 } },
        { "return_method", Request() with { ReturnMethod = (ReturnMethod)9 } },
        { "lines[1].order_reference", WithLine(Line() with { OrderReference = "" }) },
        { "lines[1].sku", WithLine(Line(sku: "")) },
        { "lines[1].category", WithLine(Line(category: "")) },
        { "lines[1].reason_code", WithLine(Line(reason: "")) },
        { "lines[1].quantity", WithLine(Line() with { Quantity = 0 }) },
        { "lines[1].purchased_quantity", WithLine(Line() with { PurchasedQuantity = 0 }) },
        { "lines[1].unit_price.minor_units", WithLine(Line(cents: -1)) },
        { "lines[1].unit_price.currency_code", WithLine(Line() with { UnitPrice = new Money(1_00, "EUR") }) },
        { "lines[1].purchased_at", WithLine(Line() with { PurchasedAt = default }) },
        { "lines[1].delivered_at", WithLine(Line() with { DeliveredAt = Now.AddDays(-20) }) },
        { "lines[1].note", WithLine(Line() with { Note = new string('n', ReturnRequestValidator.MaxNote + 1) }) },
        { "lines[1].photo_urls", WithLine(Line() with { PhotoUrls = Enumerable.Repeat("https://x.example/a.jpg", ReturnRequestValidator.MaxPhotos + 1).ToList() }) },
        { "lines[1].photo_urls[0]", WithLine(Line() with { PhotoUrls = ["http://x.example/a.jpg"] }) },
        { "lines[1].photo_urls[1]", WithLine(Line() with { PhotoUrls = ["https://x.example/a.jpg", "/relative.jpg"] }) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Names_the_bad_field(string field, ReturnRequest request) => Assert.Equal([field], FieldsOf(request).Distinct());

    [Theory]
    [InlineData("DE", true)]
    [InlineData("GB", true)]
    [InlineData("SS", true)]
    [InlineData("AX", true)]
    [InlineData("UK", false)] // reserved, not assigned: the United Kingdom is GB
    [InlineData("EU", false)]
    [InlineData("de", false)]
    [InlineData(null, false)]
    public void Country_codes_must_be_assigned_iso_3166_codes(string? code, bool assigned) =>
        Assert.Equal(assigned, CountryCodes.IsAssigned(code));

    [Fact]
    public void Every_assigned_country_code_is_listed_once() => Assert.Equal(249, CountryCodes.Count);

    [Fact]
    public void A_malformed_currency_is_reported_by_its_path()
    {
        var fields = FieldsOf(Request(Line() with { UnitPrice = new Money(1_00, "usd") }));

        Assert.Equal(["lines[0].unit_price.currency_code"], fields);
    }

    [Fact]
    public void Reports_every_violation_at_once()
    {
        var request = Request(Line(), Line() with { Quantity = 0, Sku = "" }, Line(cents: -5)) with { CustomerReference = "" };

        Assert.Equal(["customer_reference", "lines[1].sku", "lines[1].quantity", "lines[2].unit_price.minor_units"], FieldsOf(request));
    }

    [Fact]
    public void Delivery_on_the_purchase_day_and_lines_from_several_orders_are_fine() =>
        ReturnRequestValidator.Validate(Request(
            Line() with { DeliveredAt = Now.AddDays(-12) },
            Line() with { OrderReference = "ORD-2", DeliveredAt = null, ReasonCode = "changed_mind" }) with { RequestedResolution = Resolution.Exchange });
}

using System.Text.Json;
using ReverseLogistics.Cli;
using ReverseLogistics.Cli.Import;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.UnitTests.Cli;

/// <summary>How rlctl reads what people type: enum choices, LINE:QTY, carrier parts, YAML files, import request ids.</summary>
public sealed class CliInputTests
{
    [Theory]
    [InlineData("store-credit", ExceptionResolution.StoreCredit)]
    [InlineData("StoreCredit", ExceptionResolution.StoreCredit)]
    [InlineData("STORE_CREDIT", ExceptionResolution.StoreCredit)]
    [InlineData("close", ExceptionResolution.Close)]
    public void Choices_read_kebab_case_and_the_enums_own_names(string text, ExceptionResolution expected) =>
        Assert.Equal(expected, Choices.Parse<ExceptionResolution>(text, "resolution"));

    [Theory]
    [InlineData("unspecified")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("refund-later")]
    public void Choices_refuse_the_unspecified_value_numbers_and_unknown_names(string text) =>
        Assert.Contains("choose one of: resume, refund, store-credit, close",
            Assert.Throws<CliUsageException>(() => Choices.Parse<ExceptionResolution>(text, "resolution")).Message);

    [Fact]
    public void Line_quantities_are_line_colon_units() =>
        Assert.Equal((2, 3), LineQuantity.Parse("2:3"));

    [Theory]
    [InlineData("2")]
    [InlineData("a:1")]
    [InlineData("1:2:3")]
    public void Anything_else_is_a_usage_error(string text) => Assert.Throws<CliUsageException>(() => LineQuantity.Parse(text));

    [Fact]
    public void Carrier_parts_read_areas_rates_and_weekly_windows()
    {
        var area = CarrierFlags.Area("US:972, 973");
        var window = CarrierFlags.Window("friday:13:30-17:00:5");

        Assert.Equal("US", area.CountryCode);
        Assert.Equal(["972", "973"], area.PostalPrefixes);
        Assert.Equal(450, CarrierFlags.Rate("DE:450", "EUR").CostPerParcel.MinorUnits);
        Assert.Equal((Weekday.Friday, "13:30", "17:00", 5), (window.Day, window.Starts, window.Ends, window.Capacity));
        Assert.Throws<CliUsageException>(() => CarrierFlags.Window("friday:13:30:17:00"));
    }

    [Fact]
    public void Yaml_becomes_the_json_it_spells_with_quoted_scalars_kept_as_strings()
    {
        var json = YamlAsJson.Convert("""
            windowDays: 30
            currencyCode: "USD"
            postal: '010'
            enabled: true
            percent: 12.5
            empty: ~
            reasons:
              - code: damaged
            """);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(30, root.GetProperty("windowDays").GetInt32());
        Assert.Equal("010", root.GetProperty("postal").GetString());
        Assert.True(root.GetProperty("enabled").GetBoolean());
        Assert.Equal(12.5, root.GetProperty("percent").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("empty").ValueKind);
        Assert.Equal("damaged", root.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Import_request_ids_follow_the_files_content_and_the_line()
    {
        var file = new ImportRequestIds("a,b\n1,2\n"u8.ToArray());

        Assert.Equal(file.For(2), new ImportRequestIds("a,b\n1,2\n"u8.ToArray()).For(2));
        Assert.NotEqual(file.For(2), file.For(3));
        Assert.NotEqual(file.For(2), new ImportRequestIds("a,b\n1,3\n"u8.ToArray()).For(2));
        Assert.True(file.For(100_000).Length <= 128);
    }
}

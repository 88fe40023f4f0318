using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>The options the analytics commands share, each named after the request field it fills (analytics.proto).</summary>
public static class AnalyticsFlags
{
    public static Option<string> From() => Day("--from", "The range's first UTC day, YYYY-MM-DD (included)", required: true);

    public static Option<string> To(string description = "The range's last UTC day, YYYY-MM-DD (included)", bool required = true) =>
        Day("--to", description, required);

    public static Option<AnalyticsGrouping> By() =>
        Choices.Option<AnalyticsGrouping>("--by", "What the figures are grouped by (default overall)");

    public static Option<AnalyticsInterval> Interval() =>
        Choices.Option<AnalyticsInterval>("--interval", "Cut the range into periods (default: the range's total only)");

    public static Option<string> Tenant() => Text("--tenant", "Operators: the merchant to read (every merchant together when absent)");

    public static Option<string> Sku() => Text("--sku", "Only this SKU (with --by sku)");

    public static Option<string> Category() => Text("--category", "Only this category (with --by category)");

    public static Option<string> Text(string name, string description) => new(name) { Description = description, DefaultValueFactory = _ => "" };

    private static Option<string> Day(string name, string description, bool required) =>
        new(name) { Description = description, Required = required, HelpName = "YYYY-MM-DD", DefaultValueFactory = _ => "" };
}

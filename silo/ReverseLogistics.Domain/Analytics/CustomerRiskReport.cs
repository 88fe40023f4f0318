using System.Globalization;
using System.Runtime.InteropServices;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Customers' returns per window from the counters of <see cref="ReturnOutcomes"/>, and the fraud rule's window: whole UTC
/// days, the policy's lookback days before today and today (docs/analytics.md).
/// </summary>
public static class CustomerRiskReport
{
    public const int MaxWindowDays = 366;
    public const int MaxMinReturns = 1_000_000;

    /// <summary>
    /// The query from a request's fields, defaults from <paramref name="rule"/>: the fraud rule's window ending on the last
    /// day, and more than its max returns. Every bad field is noted on <paramref name="v"/>.
    /// </summary>
    public static RiskQuery Query(FraudRule rule, DateOnly today, string lastDay, int windowDays, int minReturns, Validator v)
    {
        var last = today;
        if (lastDay.Length > 0)
        {
            var parsed = DateOnly.TryParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last)
                && last >= AnalyticsQuery.EarliestDay && last <= AnalyticsQuery.LatestDay;
            v.Require(parsed, "last_day", "a day, YYYY-MM-DD, from 2000-01-01 to 2199-12-31, or empty for today");
            if (!parsed) last = today;
        }
        var ruled = rule.LookbackDays > 0;
        v.Require(windowDays is >= 0 and <= MaxWindowDays, "window_days", $"between 1 and {MaxWindowDays}, or 0 for the policy's fraud rule");
        v.Require(windowDays != 0 || ruled, "window_days", "required: the merchant's policy has no fraud rule");
        v.Require(minReturns is >= 0 and <= MaxMinReturns, "min_returns", $"between 1 and {MaxMinReturns:N0}, or 0 for the policy's fraud rule");
        v.Require(minReturns != 0 || ruled, "min_returns", "required: the merchant's policy has no fraud rule");
        // A refused window still makes a range (any days will do): the caller throws before reading it.
        var days = windowDays is > 0 and <= MaxWindowDays ? windowDays : FraudWindow(rule, last).Days;
        return new RiskQuery(new DayRange(last.AddDays(1 - days), last), minReturns > 0 ? minReturns : rule.MaxReturns + 1);
    }

    /// <summary>The days the fraud rule counts a customer's earlier returns in: the lookback days before <paramref name="today"/>, and today.</summary>
    public static DayRange FraudWindow(FraudRule rule, DateOnly today) => new(today.AddDays(-rule.LookbackDays), today);

    /// <summary>Every customer's returns in the window: a range of <see cref="ReturnOutcomes.CustomerReturnsByDay"/> per calendar month, read side by side.</summary>
    public static CounterRead Reads(RiskQuery query) =>
        new(ReturnOutcomes.CustomerReturnsByDay, PeriodGrain.Day, [.. query.Window.ByMonth().Select(KeyRange.Days)]);

    /// <summary>One customer's returns in <paramref name="window"/>: one range of <see cref="ReturnOutcomes.CustomerReturnsByCustomer"/>.</summary>
    public static KeyRange History(string customer, DayRange window) =>
        new(ReturnOutcomes.CustomerFirstKey(customer, window.First), ReturnOutcomes.CustomerFirstKey(customer, window.Last.AddDays(1)));

    /// <summary>The customers at or over the threshold, most returns first, equal counts by reference.</summary>
    public static IReadOnlyList<CustomerRisk> Build(RiskQuery query, IEnumerable<CounterRow> rows)
    {
        // A window of a large merchant holds a row per customer and day, most of them a customer's only one: tallied in place.
        var customers = new Dictionary<string, (long Returns, DateOnly First, DateOnly Last)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Value == 0) continue;
            var day = CounterNames.PeriodStart(row.Key, PeriodGrain.Day);
            if (!query.Window.Contains(day)) continue;
            ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(customers, CounterNames.FirstPart(row.Key, PeriodGrain.Day), out var seen);
            tally = seen
                ? (checked(tally.Returns + row.Value), day < tally.First ? day : tally.First, day > tally.Last ? day : tally.Last)
                : (row.Value, day, day);
        }
        return [.. customers.Where(c => c.Value.Returns >= query.MinReturns)
            .Select(c => new CustomerRisk(c.Key, c.Value.Returns, c.Value.First, c.Value.Last))
            .OrderByDescending(c => c.Returns).ThenBy(c => c.CustomerReference, StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="risk"/> comes after the customer <paramref name="customer"/> with <paramref name="returns"/> in the report's order.</summary>
    public static bool IsAfter(CustomerRisk risk, long returns, string customer) =>
        risk.Returns < returns || (risk.Returns == returns && string.CompareOrdinal(risk.CustomerReference, customer) > 0);
}

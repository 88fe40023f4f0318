using System.Globalization;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// What a report covers: a range of days, grouped by <see cref="Dimension"/>, optionally only the group
/// <see cref="Only"/> (a SKU or a category), cut by <see cref="Interval"/>.
/// </summary>
public sealed record AnalyticsQuery(DayRange Range, Dimension Dimension, string? Only = null, Interval Interval = Interval.Whole)
{
    /// <summary>
    /// Of a report over every group (no <see cref="Only"/>, not overall): the page of groups it is limited to
    /// (<see cref="GroupPages"/>), whose counters alone are read; every group when null.
    /// </summary>
    public GroupPage? Page { get; init; }

    /// <summary>Whether the query is over every SKU or category, so it is read a page of groups at a time.</summary>
    public bool IsOverEveryGroup => Dimension != Dimension.Overall && Only is null;

    /// <summary>Whether figures of <paramref name="group"/> belong in the report.</summary>
    internal bool Counts(string group) =>
        Dimension == Dimension.Overall || (Only is { } only ? group == only : Page?.Contains(group) ?? true);

    /// <summary>Three years: a query reads at most about 1,100 day rows per group and counter.</summary>
    public const int MaxDays = 1096;

    public static readonly DateOnly EarliestDay = new(2000, 1, 1);
    public static readonly DateOnly LatestDay = new(2199, 12, 31);

    /// <summary>The range from two "YYYY-MM-DD" fields, checked: first not after last, at most <see cref="MaxDays"/> days.</summary>
    public static DayRange ParseRange(string first, string last, Validator v, string firstField = "first_day", string lastField = "last_day")
    {
        var firstDay = ParseDay(first, v, firstField);
        var lastDay = ParseDay(last, v, lastField);
        if (firstDay is not { } from || lastDay is not { } to) return default;
        v.Require(from <= to, lastField, $"not before {firstField}");
        v.Require(from > to || to.DayNumber - from.DayNumber < MaxDays, lastField, $"at most {MaxDays} days after {firstField}, counting both");
        return new DayRange(from, to);
    }

    private static DateOnly? ParseDay(string text, Validator v, string field)
    {
        var parsed = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        v.Require(parsed && day >= EarliestDay && day <= LatestDay, field, "a day, YYYY-MM-DD, from 2000-01-01 to 2199-12-31");
        return parsed && day >= EarliestDay && day <= LatestDay ? day : null;
    }

    /// <summary>
    /// The reads of <paramref name="measure"/> over <paramref name="range"/>: day rows and month rows, of one group or all.
    /// <paramref name="manyRowsADay"/>: every group's days are read a calendar month per query, side by side, for counters
    /// with many keys a day (a year of resolution buckets is 58,000 rows); for a few a day, one query costs less.
    /// </summary>
    internal IEnumerable<CounterRead> Reads(Measure measure, DayRange range, bool daysOnly, bool ofPrevious, bool keyedFurther, bool manyRowsADay = false)
    {
        if (IsOverEveryGroup && Page is { Groups.Count: 0 }) yield break;
        var (spans, months) = Periods.Cover(range, daysOnly);
        var dayRanges = spans.SelectMany(span => manyRowsADay ? span.ByMonth() : [span]).SelectMany(span => Ranges(span, PeriodGrain.Day, keyedFurther)).ToList();
        var narrow = Dimension != Dimension.Overall && Only is not null;
        if (dayRanges.Count > 0) yield return new CounterRead(CounterNames.Name(measure, Dimension, PeriodGrain.Day), PeriodGrain.Day, dayRanges, ofPrevious, Narrow: narrow);
        if (months is { } whole)
            yield return new CounterRead(CounterNames.Name(measure, Dimension, PeriodGrain.Month), PeriodGrain.Month,
                [.. Ranges(whole, PeriodGrain.Month, keyedFurther)], ofPrevious, Narrow: narrow);
    }

    /// <summary>The group a counter's key names: "" overall, else its first part.</summary>
    internal string GroupOf(string key, PeriodGrain grain) => Dimension == Dimension.Overall ? "" : CounterNames.FirstPart(key, grain);

    private IEnumerable<KeyRange> Ranges(DayRange span, PeriodGrain grain, bool keyedFurther)
    {
        var step = grain == PeriodGrain.Day ? (Func<DateOnly, DateOnly>)(d => d.AddDays(1)) : d => d.AddMonths(1);
        var first = grain == PeriodGrain.Day ? span.First : DayRange.MonthStart(span.First);
        if (IsOverEveryGroup && Page is { HoldsEveryGroup: false } page)
        {
            // A page of groups: in each period, the keys from its first group to its last.
            for (var period = first; period <= span.Last; period = step(period))
                yield return page.Span(CounterNames.Period(period, grain) + CounterNames.Separator, keyedFurther);
            yield break;
        }
        if (Only is null || Dimension == Dimension.Overall)
        {
            // Every group: one range from the first period to the one after the last ("2026-03-15" to "2026-04-01").
            yield return new KeyRange(CounterNames.Period(first, grain), CounterNames.Period(step(span.Last), grain));
            yield break;
        }
        for (var period = first; period <= span.Last; period = step(period))
        {
            var key = CounterNames.Key(period, grain, Only);
            yield return keyedFurther ? KeyRange.Prefix(key + CounterNames.Separator) : KeyRange.Exactly(key);
        }
    }
}

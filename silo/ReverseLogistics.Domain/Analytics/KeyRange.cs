namespace ReverseLogistics.Domain.Analytics;

/// <summary>Counter keys in [<see cref="From"/>, <see cref="To"/>), compared ordinally.</summary>
public readonly record struct KeyRange(string From, string To)
{
    /// <summary>The one key <paramref name="key"/> (keys hold no NUL, so nothing lies between it and itself followed by U+0001).</summary>
    public static KeyRange Exactly(string key) => new(key, key + "\u0001");

    /// <summary>Keys of the days of <paramref name="days"/> ("2026-03-14" to "2026-03-16", so every key of those days).</summary>
    public static KeyRange Days(DayRange days) =>
        new(CounterNames.Period(days.First, PeriodGrain.Day), CounterNames.Period(days.Last.AddDays(1), PeriodGrain.Day));

    /// <summary>Keys starting with <paramref name="prefix"/>, which ends in the separator '|'.</summary>
    public static KeyRange Prefix(string prefix) => new(prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}

namespace ReverseLogistics.Domain.Analytics;

/// <summary>UTC days from <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public readonly record struct DayRange(DateOnly First, DateOnly Last)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>The range of the same length that ends the day before this one starts.</summary>
    public DayRange Preceding() => new(First.AddDays(-Days), First.AddDays(-1));

    public override string ToString() => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>This range cut at the start of every calendar month it crosses.</summary>
    public IEnumerable<DayRange> ByMonth()
    {
        for (var from = First; from <= Last; from = MonthEnd(from).AddDays(1))
            yield return new DayRange(from, MonthEnd(from) < Last ? MonthEnd(from) : Last);
    }

    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly MonthEnd(DateOnly day) => MonthStart(day).AddMonths(1).AddDays(-1);
}

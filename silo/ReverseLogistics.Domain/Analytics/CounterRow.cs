namespace ReverseLogistics.Domain.Analytics;

/// <summary>One counter a <see cref="CounterRead"/> found (of any tenant it read: rows of several add up).</summary>
public readonly record struct CounterRow(CounterRead Read, string Key, long Value);

namespace ReverseLogistics.Domain.Analytics;

/// <summary>One of a tenant's counters: its name (what is counted, grouped how, per day or month) and its key (the period, then what it is grouped by).</summary>
public readonly record struct CounterCell(string Name, string Key);

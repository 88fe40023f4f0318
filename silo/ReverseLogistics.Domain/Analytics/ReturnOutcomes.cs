using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// What a return contributes through the facet <see cref="Facet"/> (docs/analytics.md), from its state alone:
/// <list type="bullet">
/// <item>once refunded (refund or store credit issued), on the refund's day and month: its request-to-refund duration and
/// each stage's, one count in the duration's bucket and its seconds summed;</item>
/// <item>per line given a disposition, on that day and month, overall, per category and per SKU: its units by grade and
/// disposition, what they were refunded (the line's refund before fees, once the refund was issued) and what they
/// recover (<see cref="RecoveryTable"/>), per currency;</item>
/// <item>from its request on, whatever becomes of it: one return of its customer on the request day, keyed day first
/// (a window of every customer is one key range) and customer first (one customer's window is one key range).</item>
/// </list>
/// </summary>
public static class ReturnOutcomes
{
    public const string Facet = "outcomes/1";

    /// <summary>Returns requested per customer and day, keyed "yyyy-MM-dd|customer".</summary>
    public const string CustomerReturnsByDay = "customer_returns.by_day";

    /// <summary>The same, keyed "customer|yyyy-MM-dd".</summary>
    public const string CustomerReturnsByCustomer = "customer_returns.by_customer";

    public const string Refunded = "refunded";
    public const string Recovered = "recovered";

    private static readonly PeriodGrain[] Grains = [PeriodGrain.Day, PeriodGrain.Month];
    private static readonly Dimension[] Dimensions = [Dimension.Overall, Dimension.Category, Dimension.Sku];

    public static void AddTo(Contribution contribution, ReturnRecord record)
    {
        var times = ResolutionTimes.Of(record);
        AddResolution(contribution, times);
        AddDispositions(contribution, record, refundIssued: times.Refunded is not null);
        AddCustomerReturn(contribution, record);
    }

    /// <summary>The key of a customer's returns on <paramref name="day"/> in <see cref="CustomerReturnsByCustomer"/>.</summary>
    public static string CustomerFirstKey(string customer, DateOnly day) =>
        CounterNames.Escape(customer) + CounterNames.Separator + CounterNames.Period(day, PeriodGrain.Day);

    private static void AddResolution(Contribution contribution, ResolutionTimes times)
    {
        if (times.Refunded is not { } refunded) return;
        var day = DateOnly.FromDateTime(refunded);
        foreach (var grain in Grains)
        {
            foreach (var (span, seconds) in times.Spans())
            {
                var name = ResolutionReport.SpanName(span);
                contribution.Add(CounterNames.Name(Measure.ResolutionReturns, Dimension.Overall, grain),
                    CounterNames.Key(day, grain, name, DurationBuckets.BoundOf(seconds).ToString(System.Globalization.CultureInfo.InvariantCulture)), 1);
                contribution.Add(CounterNames.Name(Measure.ResolutionSeconds, Dimension.Overall, grain), CounterNames.Key(day, grain, name), seconds);
            }
        }
    }

    private static void AddDispositions(Contribution contribution, ReturnRecord record, bool refundIssued)
    {
        foreach (var (index, disposition) in record.Receiving.Dispositions)
        {
            if (!record.Receiving.Inspections.TryGetValue(index, out var inspection) || index >= record.Request.Lines.Count) continue;
            var line = record.Request.Lines[index];
            var currency = line.UnitPrice.CurrencyCode;
            var refund = record.Refund?.Lines.FirstOrDefault(l => l.LineIndex == index);
            var refunded = refundIssued && refund is not null ? (refund.Gross - refund.GradeDeduction).MinorUnits : 0;
            var recovered = RecoveryTable.Recovered(line.UnitPrice, disposition.Quantity, disposition.Disposition, inspection.Grade).MinorUnits;
            var day = DateOnly.FromDateTime(disposition.At);
            foreach (var grain in Grains)
            {
                foreach (var dimension in Dimensions)
                {
                    string[] group = dimension switch { Dimension.Category => [line.Category], Dimension.Sku => [line.Sku], _ => [] };
                    contribution.Add(CounterNames.Name(Measure.DispositionUnits, dimension, grain),
                        CounterNames.Key(day, grain, [.. group, inspection.Grade.ToString(), disposition.Disposition.ToString()]), disposition.Quantity);
                    var value = CounterNames.Name(Measure.DispositionValue, dimension, grain);
                    contribution.Add(value, CounterNames.Key(day, grain, [.. group, currency, Refunded]), refunded);
                    contribution.Add(value, CounterNames.Key(day, grain, [.. group, currency, Recovered]), recovered);
                }
            }
        }
    }

    private static void AddCustomerReturn(Contribution contribution, ReturnRecord record)
    {
        var customer = record.Request.CustomerReference;
        if (customer.Length == 0) return;
        var day = DateOnly.FromDateTime(record.CreatedAt);
        contribution.Add(CustomerReturnsByDay, CounterNames.Key(day, PeriodGrain.Day, customer), 1);
        contribution.Add(CustomerReturnsByCustomer, CustomerFirstKey(customer, day), 1);
    }
}

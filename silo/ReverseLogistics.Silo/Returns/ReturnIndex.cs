using System.Globalization;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Returns;

/// <summary>The searchable attributes of a return, written with its state: what ListReturns and the fraud check query.</summary>
public static class ReturnIndex
{
    public const string Status = "status";
    public const string Customer = "customer";
    public const string Order = "order";
    public const string Created = "created";
    /// <summary>Due kinds (<see cref="DueIndex"/>) of the return's timers, swept by the scheduler.</summary>
    public const string LabelExpiry = "label_expiry";
    public const string InspectionSla = "inspection_sla";

    public static IReadOnlyList<IndexEntry> Of(ReturnRecord record)
    {
        List<IndexEntry> entries =
        [
            new(Status, record.Rma.State.ToString()),
            new(Customer, record.Request.CustomerReference),
            new(Created, Timestamp(record.CreatedAt)),
        ];
        entries.AddRange(record.Request.Lines.Select(l => l.OrderReference).Distinct().Select(order => new IndexEntry(Order, order)));
        if (ReturnTimers.LabelExpiresAt(record.Rma, record.Policy) is { } expiresAt) entries.Add(DueIndex.Entry(LabelExpiry, expiresAt));
        if (ReturnTimers.InspectionDueAt(record.Rma, record.Policy) is { } inspectBy) entries.Add(DueIndex.Entry(InspectionSla, inspectBy));
        return entries;
    }

    /// <summary>ISO 8601 UTC with fixed width, so ordinal order is time order.</summary>
    public static string Timestamp(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

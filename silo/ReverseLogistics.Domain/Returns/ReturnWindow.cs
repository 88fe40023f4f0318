using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// The window is counted in UTC calendar dates: it starts on the UTC date of delivery (of purchase
/// when delivery is unknown) and its last day is that date plus WindowDays, included to 23:59:59 UTC.
/// UTC rather than the customer's zone keeps the answer the same on every node and for every caller.
/// A time of unspecified kind is taken to be UTC already.
/// </summary>
public static class ReturnWindow
{
    public static DateOnly Deadline(ReturnPolicy policy, ReturnLine line) =>
        UtcDate(line.DeliveredAt ?? line.PurchasedAt).AddDays(policy.WindowDays);

    public static bool IsOpen(ReturnPolicy policy, ReturnLine line, DateTime now) =>
        UtcDate(now) <= Deadline(policy, line);

    private static DateOnly UtcDate(DateTime time) =>
        DateOnly.FromDateTime(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time);
}

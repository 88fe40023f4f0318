namespace ReverseLogistics.Domain.Returns;

/// <summary>The timeline entry of a resolved exception and the refund the return now carries.</summary>
public sealed record ResolvedException(TimelineEntry Entry, RefundBreakdown? Refund);

using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Returns;

/// <summary>A customer's request to return lines from one or more orders, all priced in one currency.</summary>
public sealed record ReturnRequest
{
    public string CustomerReference { get; init; } = "";
    public CustomerAddress CustomerAddress { get; init; } = new();
    public IReadOnlyList<ReturnLine> Lines { get; init; } = [];
    public Resolution RequestedResolution { get; init; }
    public ReturnMethod ReturnMethod { get; init; }

    public string CurrencyCode => Lines.Count > 0 ? Lines[0].UnitPrice.CurrencyCode : "";
}

using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Grains.Routing;

/// <summary>What is routed: a merchant's return (or an operator's ad-hoc question, without a return id).</summary>
public sealed record RoutingSubject(
    string TenantId,
    string? ReturnId,
    CustomerAddress Address,
    ReturnMethod Method,
    IReadOnlyList<string> Categories,
    int Units)
{
    /// <summary>Needed on top of what the tenant's contract says the categories need.</summary>
    public CenterServices ExtraServices { get; init; }

    /// <summary>When set, overrides <see cref="ArrivalEstimate"/>.</summary>
    public DateOnly? ArrivalDay { get; init; }

    /// <summary>The capacity the return's committed state holds (it is being rerouted), left out of what routing counts.</summary>
    public HeldCapacity? Held { get; init; }

    /// <summary>How the return's capacity booking is named at its centre; null for an ad-hoc question.</summary>
    public string? BookingKey => ReturnId is null ? null : $"{TenantId}/{ReturnId}";

    /// <summary>A return as it stands: the categories and units of the lines still expected.</summary>
    public static RoutingSubject Of(string tenantId, string returnId, ReturnRecord record)
    {
        var expected = record.Rma.ExpectedQuantities;
        var lines = record.Request.Lines.Where((_, i) => i < expected.Count && expected[i] > 0).ToList();
        return new RoutingSubject(tenantId, returnId, record.Request.CustomerAddress, record.Request.ReturnMethod,
            [.. lines.Select(l => l.Category).Distinct()], expected.Sum())
        {
            Held = CenterContribution.HeldBy(record),
        };
    }
}

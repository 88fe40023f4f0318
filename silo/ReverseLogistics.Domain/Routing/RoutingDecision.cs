using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// The chosen centre and carrier, or none; every candidate considered, eligible ones best first and
/// then the rejected ones nearest first; and one line for people on why.
/// </summary>
public sealed record RoutingDecision
{
    public RoutingCandidate? Winner { get; init; }
    public string? CenterId => Winner?.CenterId;
    public string? CarrierId => Winner?.CarrierId;
    public Money? CarrierCost => Winner?.CarrierCost;
    public IReadOnlyList<RoutingCandidate> Candidates { get; init; } = [];
    public string Explanation { get; init; } = "";
}

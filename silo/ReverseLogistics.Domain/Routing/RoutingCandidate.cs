using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// One centre the router looked at: its facts, and either its score or why it was rejected.
/// Facts the router did not reach before rejecting are null.
/// </summary>
public sealed record RoutingCandidate
{
    public string CenterId { get; init; } = "";

    /// <summary>Null when the customer's location is unknown.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>0 for the tenant's most preferred centre; null when the contract does not list it.</summary>
    public int? PreferenceRank { get; init; }
    public int? FreeUnits { get; init; }
    public int? DailyCapacity { get; init; }

    /// <summary>The cheapest carrier that covers the customer, supports the method and delivers here.</summary>
    public string? CarrierId { get; init; }
    public Money? CarrierCost { get; init; }
    public CandidateScore? Score { get; init; }
    public Rejection? Rejection { get; init; }

    public bool IsEligible => Rejection is null;
}

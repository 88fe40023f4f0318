namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// How the router scores an eligible centre: Total = Σ weight × term, each term in 0..1 (1 best).
/// <list type="bullet">
/// <item>distance = DistanceScaleKm / (DistanceScaleKm + km): 1 next door, 0.5 at 200 km, 0.2 at 800 km;
/// 0.5 for every centre when the customer's location is unknown.</item>
/// <item>capacity = free units on the arrival day / daily capacity (a full centre is rejected, not scored).</item>
/// <item>preference = 1 - rank / contract size: the first centre in the contract 1, the last just above 0.</item>
/// <item>cost = cheapest carrier cost among the eligible candidates / this one's (1 if both are free).</item>
/// </list>
/// The total is rounded to 9 decimals before comparing.
/// Distance weighs most because transit days and emissions follow it; cost least because carrier
/// rates differ by cents while a far centre costs days. Ties go to the better preference rank, then
/// the lower centre id (ordinal), so equal inputs always give the same winner.
/// </summary>
public static class RoutingWeights
{
    public const double Distance = 0.45;
    public const double Capacity = 0.25;
    public const double Preference = 0.20;
    public const double Cost = 0.10;

    public const double DistanceScaleKm = 200;
    public const double NeutralDistance = 0.5;
}

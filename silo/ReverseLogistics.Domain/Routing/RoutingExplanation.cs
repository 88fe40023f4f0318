using System.Globalization;

namespace ReverseLogistics.Domain.Routing;

/// <summary>One line for people: who won, on what, and against whom.</summary>
internal static class RoutingExplanation
{
    public static string Explain(RoutingRequest request, IReadOnlyList<RoutingCandidate> scored, IReadOnlyList<RoutingCandidate> rejected)
    {
        if (scored.Count == 0)
        {
            var reasons = rejected.Take(3).Select(r => $"{r.CenterId} {r.Rejection!.Code}");
            return rejected.Count == 0
                ? "No centre: the contract lists no centre the search reached."
                : $"No centre can take this return: {string.Join(", ", reasons)}{(rejected.Count > 3 ? $" and {rejected.Count - 3} more" : "")}.";
        }

        var winner = scored[0];
        var line = $"{winner.CenterId} (score {F(winner.Score!.Total)}): {Facts(winner, request)}";
        if (scored.Count == 1)
            return $"{line}; the only eligible centre considered{(rejected.Count > 0 ? $", {rejected.Count} rejected (nearest {rejected[0].CenterId}: {rejected[0].Rejection!.Code})" : "")}.";

        var runnerUp = scored[1];
        return $"{line}; runner-up {runnerUp.CenterId} (score {F(runnerUp.Score!.Total)}): {Facts(runnerUp, request)}; won on {Decisive(winner, runnerUp)}.";
    }

    private static string Facts(RoutingCandidate c, RoutingRequest request) =>
        $"{(c.DistanceKm is { } km ? $"{km.ToString("F0", CultureInfo.InvariantCulture)} km away" : "distance unknown")}, " +
        $"{c.FreeUnits}/{c.DailyCapacity} free on {request.ArrivalDay:yyyy-MM-dd}, preference #{c.PreferenceRank + 1}, " +
        $"{c.CarrierId} at {c.CarrierCost}";

    /// <summary>The weighted term with the largest lead, or the tie-break when the totals are equal.</summary>
    private static string Decisive(RoutingCandidate winner, RoutingCandidate runnerUp)
    {
        var (w, r) = (winner.Score!, runnerUp.Score!);
        if (w.Total == r.Total)
            return winner.PreferenceRank != runnerUp.PreferenceRank ? "a tie, broken by contract preference" : "a tie, broken by centre id";
        (string Name, double Lead)[] leads =
        [
            ("distance", RoutingWeights.Distance * (w.Distance - r.Distance)),
            ("free capacity", RoutingWeights.Capacity * (w.Capacity - r.Capacity)),
            ("contract preference", RoutingWeights.Preference * (w.Preference - r.Preference)),
            ("carrier cost", RoutingWeights.Cost * (w.Cost - r.Cost)),
        ];
        return leads.MaxBy(l => l.Lead).Name;
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}

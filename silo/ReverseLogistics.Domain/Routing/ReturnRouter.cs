using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// Chooses the fulfilment centre and carrier for a return. Pure: the network comes as an index
/// and capacity as a lookup, so a decision is a function of its inputs.
/// <para>
/// Only the <see cref="NearestCount"/> nearest eligible centres are scored (see
/// <see cref="RoutingWeights"/>), found without measuring the whole network:
/// with the customer's location and a contract of at most <see cref="ContractScanLimit"/> centres, the
/// contract is scanned (a small contract is cheaper to scan than the grid is to walk, and a far-flung
/// one would make the walk cover most of the map); with a larger contract the grid is walked outward
/// from the customer until no unvisited centre can be nearer than the K-th eligible one; without a
/// location the contract is read in preference order until K eligible centres are found.
/// Either way the K found are exactly the K nearest eligible (or most preferred).
/// </para>
/// The decision also lists up to K rejected centres of the contract and <see cref="NotContractedListed"/>
/// centres outside it, the nearest (or most preferred) the search met, each with its reason, so
/// "why not the warehouse down the road?" has an answer.
/// </summary>
public sealed class ReturnRouter(
    NetworkIndex index, int nearestCount = ReturnRouter.NearestCount, int contractScanLimit = ReturnRouter.ContractScanLimit)
{
    public const int NearestCount = 32;
    public const int ContractScanLimit = 512;

    /// <summary>How many of the nearest centres outside the tenant's contract a decision names.</summary>
    public const int NotContractedListed = 4;

    public NetworkIndex Index => index;

    /// <exception cref="InvalidInputException">The request names no tenant or method, or a location off the globe.</exception>
    public RoutingDecision Route(RoutingRequest request, CapacityLookup expectedUnits)
    {
        Validate(request);
        if (index.ContractOf(request.TenantId) is not { } contract)
            return new RoutingDecision { Explanation = $"No centre: tenant {request.TenantId} has no contract." };
        var carriers = index.CarriersFrom(request.CountryCode, request.PostalCode, request.ReturnMethod);
        if (carriers.Length == 0)
            return new RoutingDecision { Explanation = $"No centre: no carrier collects from {request.CountryCode} {request.PostalCode} by {request.ReturnMethod}." };

        // Max-heaps by key (priorities negated), each keeping the nearest few of its kind.
        var eligible = new PriorityQueue<Evaluation, double>(nearestCount + 1);
        var rejected = new PriorityQueue<Evaluation, double>(nearestCount + 1);
        var notContracted = new PriorityQueue<Evaluation, double>(NotContractedListed + 1);
        // key: the chord² to the customer (ordered as distance), or the preference rank without a location.
        void Consider(int center, double key)
        {
            // Farther than everything kept in every list it could land in: it would be dropped, so skip the checks.
            if (key >= Worst(eligible, nearestCount) && key >= Worst(rejected, nearestCount) &&
                (contract.RankOf(center) is not null || key >= Worst(notContracted, NotContractedListed)))
                return;
            var e = Evaluate(center, key, contract, carriers, request, expectedUnits);
            var (heap, keep) = e.Rejection switch
            {
                null => (eligible, nearestCount),
                RejectionCode.NotContracted => (notContracted, NotContractedListed),
                _ => (rejected, nearestCount),
            };
            if (heap.Count < keep) heap.Enqueue(e, -key);
            else if (key < Worst(heap, keep)) heap.EnqueueDequeue(e, -key);
        }

        if (request.CustomerLocation is not { } from)
        {
            for (var rank = 0; rank < contract.Centers.Length && eligible.Count < nearestCount; rank++)
                Consider(contract.Centers[rank], rank);
        }
        else if (contract.Centers.Length <= contractScanLimit)
        {
            var p = NetworkIndex.UnitVector(from);
            foreach (var center in contract.Centers) Consider(center, index.Chord2(p, center));
        }
        else
        {
            index.VisitOutward(from, Consider,
                bound => Worst(eligible, nearestCount) <= bound);
        }

        return Decide(request, contract.Centers.Length, Drain(eligible), [.. Drain(rejected), .. Drain(notContracted)]);
    }

    private static void Validate(RoutingRequest request)
    {
        var location = request.CustomerLocation ?? new GeoPoint(0, 0);
        new Validator()
            .Require(!string.IsNullOrEmpty(request.TenantId), "tenant_id", "required")
            .Require(Enum.IsDefined(request.ReturnMethod), "return_method", "required")
            .Require(double.IsFinite(location.Latitude) && location.Latitude is >= -90 and <= 90, "customer_location.latitude", "-90 to 90 degrees")
            .Require(double.IsFinite(location.Longitude) && location.Longitude is >= -180 and <= 180, "customer_location.longitude", "-180 to 180 degrees")
            .ThrowIfInvalid();
    }

    private Evaluation Evaluate(
        int center, double key, NetworkIndex.Contract contract, int[] carriers, RoutingRequest request, CapacityLookup expectedUnits)
    {
        var c = index.Center(center);
        var e = new Evaluation(center, key);
        if (c.Status != CenterStatus.Active) return e with { Rejection = RejectionCode.Paused };
        e = e with { Rank = contract.RankOf(center) };
        if (e.Rank is null) return e with { Rejection = RejectionCode.NotContracted };
        if (!index.AcceptsAll(center, request.Categories)) return e with { Rejection = RejectionCode.CategoryNotAccepted };
        if ((c.Services & request.ServicesNeeded) != request.ServicesNeeded) return e with { Rejection = RejectionCode.ServiceMissing };

        foreach (var k in carriers)
        {
            if (!index.Delivers(k, center)) continue;
            var cost = index.Carrier(k).CostTo(c.CountryCode);
            if (e.Carrier < 0 || cost.MinorUnits < e.Cost.MinorUnits ||
                (cost.MinorUnits == e.Cost.MinorUnits && string.CompareOrdinal(index.Carrier(k).Id, index.Carrier(e.Carrier).Id) < 0))
                e = e with { Carrier = k, Cost = cost };
        }
        if (e.Carrier < 0) return e with { Rejection = RejectionCode.NoCarrierCoverage };
        if (!c.ReceivesOn(request.ArrivalDay.DayOfWeek)) return e with { Rejection = RejectionCode.ClosedOnArrivalDay };

        e = e with { Free = c.DailyCapacity - expectedUnits(c.Id, request.ArrivalDay) };
        return e.Free <= 0 ? e with { Rejection = RejectionCode.Full } : e;
    }

    private RoutingDecision Decide(RoutingRequest request, int contractSize, List<Evaluation> eligible, List<Evaluation> rejected)
    {
        var cheapest = eligible.Count == 0 ? 0 : eligible.Min(e => e.Cost.MinorUnits);
        var scored = eligible
            .Select(e => Candidate(e, request) with { Score = Score(e, request, contractSize, cheapest) })
            .OrderByDescending(c => c.Score!.Total)
            .ThenBy(c => c.PreferenceRank)
            .ThenBy(c => c.CenterId, StringComparer.Ordinal)
            .ToList();
        var refused = rejected
            .OrderBy(e => e.Key)
            .ThenBy(e => index.Center(e.Center).Id, StringComparer.Ordinal)
            .Select(e => Candidate(e, request))
            .ToList();
        var winner = scored.FirstOrDefault();
        return new RoutingDecision
        {
            Winner = winner,
            Candidates = [.. scored, .. refused],
            Explanation = RoutingExplanation.Explain(request, scored, refused),
        };
    }

    private CandidateScore Score(Evaluation e, RoutingRequest request, int contractSize, long cheapest)
    {
        var distance = DistanceKm(e, request) is { } km ? RoutingWeights.DistanceScaleKm / (RoutingWeights.DistanceScaleKm + km) : RoutingWeights.NeutralDistance;
        var capacity = (double)e.Free!.Value / index.Center(e.Center).DailyCapacity;
        var preference = 1 - (double)e.Rank!.Value / contractSize;
        var cost = e.Cost.MinorUnits == 0 ? 1 : (double)cheapest / e.Cost.MinorUnits;
        // Rounded so that float noise in the last bits does not decide: equal-looking totals tie.
        var total = Math.Round(
            RoutingWeights.Distance * distance + RoutingWeights.Capacity * capacity +
            RoutingWeights.Preference * preference + RoutingWeights.Cost * cost, 9);
        return new CandidateScore(distance, capacity, preference, cost, total);
    }

    private RoutingCandidate Candidate(Evaluation e, RoutingRequest request)
    {
        var c = index.Center(e.Center);
        return new RoutingCandidate
        {
            CenterId = c.Id,
            DistanceKm = DistanceKm(e, request),
            PreferenceRank = e.Rank,
            FreeUnits = e.Free,
            DailyCapacity = e.Free is null ? null : c.DailyCapacity,
            CarrierId = e.Carrier < 0 ? null : index.Carrier(e.Carrier).Id,
            CarrierCost = e.Carrier < 0 ? null : e.Cost,
            Rejection = e.Rejection is { } code ? new Rejection(code, RejectionMessages.For(code, c, request, e.Free)) : null,
        };
    }

    private static double? DistanceKm(Evaluation e, RoutingRequest request) =>
        request.CustomerLocation is null ? null : NetworkIndex.ChordToKm(e.Key);

    /// <summary>The largest key a full heap holds; infinity while it has room.</summary>
    private static double Worst(PriorityQueue<Evaluation, double> heap, int keep) =>
        heap.Count >= keep && heap.TryPeek(out _, out var negated) ? -negated : double.PositiveInfinity;

    private static List<Evaluation> Drain(PriorityQueue<Evaluation, double> heap)
    {
        var items = new List<Evaluation>(heap.Count);
        while (heap.TryDequeue(out var e, out _)) items.Add(e);
        return items;
    }

    private readonly record struct Evaluation(int Center, double Key)
    {
        public int? Rank { get; init; }
        public int Carrier { get; init; } = -1;
        public Money Cost { get; init; }
        public int? Free { get; init; }
        public RejectionCode? Rejection { get; init; }
    }
}

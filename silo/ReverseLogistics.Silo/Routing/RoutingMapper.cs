using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Policies;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Routing;

/// <summary>Routing decisions on the wire.</summary>
public static partial class RoutingMapper
{
    public static Proto.Routing ToProto(ReturnRoute route)
    {
        var decision = route.Decision;
        var proto = new Proto.Routing
        {
            FulfillmentCenterId = route.Destination?.FulfillmentCenterId ?? "",
            CarrierId = decision.CarrierId ?? "",
            CarrierCost = decision.CarrierCost is { } cost ? PolicyMapper.ToProto(cost) : null,
            ArrivalDay = NetworkMapper.Text(route.ArrivalDay),
            Units = route.Units,
            Explanation = decision.Explanation,
            DecideTime = Timestamp.FromDateTime(route.DecidedAt),
            DefaultCentre = route.DefaultCentre,
        };
        proto.Candidates.AddRange(decision.Candidates.Select(ToProto));
        return proto;
    }

    private static Proto.RoutingCandidate ToProto(RoutingCandidate c)
    {
        var proto = new Proto.RoutingCandidate
        {
            FulfillmentCenterId = c.CenterId,
            Eligible = c.IsEligible,
            CarrierId = c.CarrierId ?? "",
            CarrierCost = c.CarrierCost is { } cost ? PolicyMapper.ToProto(cost) : null,
            Score = c.Score is { } s
                ? new Proto.RoutingScore { Distance = s.Distance, Capacity = s.Capacity, Preference = s.Preference, Cost = s.Cost, Total = s.Total }
                : null,
            RejectionCode = c.Rejection is { } r ? Screaming(r.Code.ToString()) : "",
            RejectionMessage = c.Rejection?.Message ?? "",
        };
        if (c.DistanceKm is { } km) proto.DistanceKm = km;
        if (c.PreferenceRank is { } rank) proto.PreferenceRank = rank;
        if (c.FreeUnits is { } free) proto.FreeUnits = free;
        if (c.DailyCapacity is { } capacity) proto.DailyCapacity = capacity;
        return proto;
    }

    /// <summary>"NoCarrierCoverage" → "NO_CARRIER_COVERAGE".</summary>
    private static string Screaming(string name) => WordStart().Replace(name, "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}

using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Routing;

/// <summary>What one return needs from a centre, and where and when it starts and arrives.</summary>
public sealed record RoutingRequest
{
    public string TenantId { get; init; } = "";
    public string CountryCode { get; init; } = "";
    public string PostalCode { get; init; } = "";

    /// <summary>Where the customer is, when known; without it every distance term is neutral.</summary>
    public GeoPoint? CustomerLocation { get; init; }

    /// <summary>The categories of the return's lines; a centre must accept every one.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>E.g. Hazmat if any line is a battery; a centre must offer every one.</summary>
    public CenterServices ServicesNeeded { get; init; }
    public ReturnMethod ReturnMethod { get; init; }

    /// <summary>The day the parcel is expected at the centre: capacity and opening days are checked on it.</summary>
    public DateOnly ArrivalDay { get; init; }
}

namespace ReverseLogistics.Domain.Pickups;

/// <summary>Where a recurring pickup happens: a centre, a drop-off point or a store, and the time zone its schedule is read in.</summary>
public sealed record PickupLocation
{
    public string Id { get; init; } = "";
    public PickupLocationKind Kind { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> AddressLines { get; init; } = [];
    public string City { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string CountryCode { get; init; } = "";

    /// <summary>IANA id, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; init; } = "";
}

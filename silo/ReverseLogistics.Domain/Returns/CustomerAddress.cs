namespace ReverseLogistics.Domain.Returns;

/// <summary>Where a pickup happens and which carriers and centres can serve it.</summary>
public sealed record CustomerAddress
{
    public string Line1 { get; init; } = "";
    public string? Line2 { get; init; }
    public string City { get; init; } = "";
    public string PostalCode { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case ("DE").</summary>
    public string CountryCode { get; init; } = "";

    /// <summary>Where the address is, when the merchant geocoded it; routing then weighs distance.</summary>
    public Network.GeoPoint? Location { get; init; }
}

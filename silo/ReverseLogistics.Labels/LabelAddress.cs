namespace ReverseLogistics.Labels;

public sealed record LabelAddress
{
    public required string Name { get; init; }
    public IReadOnlyList<string> StreetLines { get; init; } = [];
    public required string City { get; init; }
    public required string PostalCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code or country name, printed as given.</summary>
    public required string Country { get; init; }
}

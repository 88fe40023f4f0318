namespace ReverseLogistics.Domain.Network;

/// <summary>Where a carrier collects: one country, narrowed to postal-code prefixes when any are given.</summary>
public sealed record ServiceArea(string CountryCode, IReadOnlyList<string> PostalPrefixes)
{
    public bool Covers(string countryCode, string postalCode) =>
        CountryCode == countryCode &&
        (PostalPrefixes.Count == 0 || PostalPrefixes.Any(p => PostalCodes.Normalize(postalCode).StartsWith(PostalCodes.Normalize(p), StringComparison.Ordinal)));
}

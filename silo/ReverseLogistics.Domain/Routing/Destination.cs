namespace ReverseLogistics.Domain.Routing;

/// <summary>Where a return is sent: a fulfilment centre and its receiving address.</summary>
public sealed record Destination(
    string FulfillmentCenterId,
    string Name,
    IReadOnlyList<string> StreetLines,
    string City,
    string PostalCode,
    string CountryCode);

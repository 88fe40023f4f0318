namespace ReverseLogistics.Domain.Network;

/// <summary>A warehouse that receives, inspects and disposes of returned units.</summary>
public sealed record FulfillmentCenter
{
    /// <summary>Upper case, e.g. "FC-BER-1".</summary>
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<string> AddressLines { get; init; } = [];
    public string City { get; init; } = "";
    public string PostalCode { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; init; } = "";
    public GeoPoint Location { get; init; }

    /// <summary>IANA id such as "Europe/Berlin"; opening hours are in this zone.</summary>
    public string TimeZone { get; init; } = "";

    /// <summary>Product categories received here; empty means every category.</summary>
    public IReadOnlyList<string> CategoriesAccepted { get; init; } = [];
    public CenterServices Services { get; init; }

    /// <summary>Units the centre can receive per day.</summary>
    public int DailyCapacity { get; init; }

    /// <summary>Receiving hours per weekday; empty means receiving every day. A weekday not listed is closed.</summary>
    public IReadOnlyList<OpeningHours> OpeningHours { get; init; } = [];
    public CenterStatus Status { get; init; } = CenterStatus.Active;

    /// <summary>
    /// The tenants the centre's operators say it works for (empty: none). Informational: routing
    /// goes by <see cref="TenantContract"/>, which is the commercial agreement and also ranks centres.
    /// </summary>
    public IReadOnlyList<string> TenantsServed { get; init; } = [];

    public bool Accepts(string category) => CategoriesAccepted.Count == 0 || CategoriesAccepted.Contains(category);

    public bool ReceivesOn(DayOfWeek day) => OpeningHours.Count == 0 || OpeningHours.Any(h => h.Day == day);
}

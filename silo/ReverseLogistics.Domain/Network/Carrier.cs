using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Network;

/// <summary>A parcel carrier that takes returns from customers to centres.</summary>
public sealed record Carrier
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<ServiceArea> ServiceAreas { get; init; } = [];
    public IReadOnlyList<ReturnMethod> ReturnMethods { get; init; } = [];

    /// <summary>Price per parcel unless <see cref="CountryRates"/> names the centre's country.</summary>
    public Money CostPerParcel { get; init; }
    public IReadOnlyList<CountryRate> CountryRates { get; init; } = [];

    /// <summary>Centre ids the carrier delivers to; empty means every centre.</summary>
    public IReadOnlyList<string> CenterIds { get; init; } = [];

    /// <summary>When the carrier collects from customers; at most one window per weekday and time.</summary>
    public IReadOnlyList<PickupWindow> PickupWindows { get; init; } = [];
    public CarrierLabelFormat LabelFormat { get; init; } = CarrierLabelFormat.Pdf;

    /// <summary>How long before a window starts its pickups are frozen and its manifest is built.</summary>
    public TimeSpan PickupCutoff { get; init; } = DefaultPickupCutoff;

    public static readonly TimeSpan DefaultPickupCutoff = TimeSpan.FromMinutes(120);

    public bool Covers(string countryCode, string postalCode) => ServiceAreas.Any(a => a.Covers(countryCode, postalCode));

    public Money CostTo(string destinationCountryCode)
    {
        for (var i = 0; i < CountryRates.Count; i++)
            if (CountryRates[i].CountryCode == destinationCountryCode) return CountryRates[i].CostPerParcel;
        return CostPerParcel;
    }
}

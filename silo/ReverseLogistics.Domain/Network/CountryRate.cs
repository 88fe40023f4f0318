using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Network;

/// <summary>A carrier's price per parcel delivered to a centre in one country, overriding its default.</summary>
public sealed record CountryRate(string CountryCode, Money CostPerParcel);

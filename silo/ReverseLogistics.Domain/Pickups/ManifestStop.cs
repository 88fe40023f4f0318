using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>One stop of a carrier's manifest: the return collected and where.</summary>
public sealed record ManifestStop(string TenantId, string ReturnId, string? TrackingNumber, string CustomerName, CustomerAddress Address);

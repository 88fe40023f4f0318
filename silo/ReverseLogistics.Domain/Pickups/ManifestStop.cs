using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>One stop of a carrier's manifest: the return collected and where.</summary>
public sealed record ManifestStop(string TenantId, string ReturnId, string? TrackingNumber, string CustomerName, CustomerAddress Address)
{
    /// <summary>When the window booked it; null on stops booked before it was recorded (the orphan sweep counts those as old).</summary>
    public DateTime? BookedAt { get; init; }
}

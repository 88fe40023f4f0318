namespace ReverseLogistics.Domain.Receiving;

/// <summary>Which device of which centre made a scan; it appears in timelines as "device:&lt;centre&gt;/&lt;device&gt;".</summary>
public sealed record HandheldScan(string CentreId, string DeviceId)
{
    public string Actor => $"device:{CentreId}/{DeviceId}";
}

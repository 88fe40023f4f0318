using ReverseLogistics.Client;

namespace ReverseLogistics.Cli.Demo;

/// <summary>
/// What `rlctl demo` set up: a merchant with its key, two centres with a handheld key each, a carrier and a
/// contract, and a client per persona (the operator's is the command's own connection).
/// </summary>
public sealed class DemoWorld(string tenantId, string portland, string newYork, string carrierId) : IDisposable
{
    public const string Currency = "USD";
    public const string Device = "DEMO-HH-1";

    public string TenantId => tenantId;
    public string Portland => portland;
    public string NewYork => newYork;
    public string CarrierId => carrierId;
    public required PlatformClient Operator { get; init; }
    public PlatformClient Merchant { get; set; } = null!;
    public string MerchantKeyId { get; set; } = "";
    /// <summary>A handheld client per centre.</summary>
    public Dictionary<string, PlatformClient> Handhelds { get; } = [];
    public List<string> HandheldKeyIds { get; } = [];

    public void Dispose()
    {
        Merchant?.Dispose();
        foreach (var handheld in Handhelds.Values) handheld.Dispose();
    }
}

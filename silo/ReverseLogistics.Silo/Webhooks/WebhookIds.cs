namespace ReverseLogistics.Silo.Webhooks;

/// <summary>Endpoint ids the platform mints: "we_" and 32 hex digits.</summary>
public static class WebhookIds
{
    private const string Prefix = "we_";

    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    public static bool IsValid(string id) =>
        id.Length == Prefix.Length + 32 && id.StartsWith(Prefix, StringComparison.Ordinal) && id[Prefix.Length..].All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

namespace ReverseLogistics.Grains;

/// <summary>
/// Every grain is keyed by one string, "{tenant id}/{id}": the tenant first, as in the store's keys.
/// Tenant ids never hold a '/', so the first one splits the two; the id may hold more.
/// </summary>
public static class GrainKeys
{
    public static string Of(string tenantId, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (tenantId.Contains('/')) throw new ArgumentException($"A tenant id holds no '/': '{tenantId}'.", nameof(tenantId));
        return $"{tenantId}/{id}";
    }

    public static (string TenantId, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) throw new FormatException($"'{key}' is not a grain key \"tenant/id\".");
        return (key[..slash], key[(slash + 1)..]);
    }
}

namespace ReverseLogistics.Storage;

/// <summary>
/// The counters only their own tenant reads: a merchant's customer references (the customer risk, the fraud rule's
/// history) mean nothing to another merchant, and no operator's view reads them. They are left out of the
/// across-tenants index (a partial index since migration 0008 on SQLite and 0011 on PostgreSQL), so a new customer's
/// two counters, written by nearly every new return, each write one index tree instead of two; reading them across
/// tenants is refused. Adding a name needs a migration that narrows that index.
/// </summary>
public static class TenantOnlyCounters
{
    public const string CustomerReturnsByDay = "customer_returns.by_day";
    public const string CustomerReturnsByCustomer = "customer_returns.by_customer";

    public static IReadOnlyList<string> Names { get; } = [CustomerReturnsByDay, CustomerReturnsByCustomer];

    /// <summary>The partial index's condition, as the migrations write it: reads across tenants state it word for word.</summary>
    internal static string Condition { get; } = $"name NOT IN ({string.Join(", ", Names.Select(name => $"'{name}'"))})";
}

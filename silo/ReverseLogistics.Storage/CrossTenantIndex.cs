namespace ReverseLogistics.Storage;

/// <summary>
/// The index entry names that <see cref="IActorStore.FindAcrossTenantsAsync"/> searches: a return's id and its
/// carrier tracking number, which a warehouse scans without knowing the merchant. Only these entries are kept in the
/// across-tenants index (a partial index since migration 0005 on SQLite and 0006 on PostgreSQL), so no other entry
/// pays for a third index tree. Adding a name needs a migration that widens that index.
/// </summary>
public static class CrossTenantIndex
{
    public const string Id = "id";
    public const string Tracking = "tracking";

    public static IReadOnlyList<string> Names { get; } = [Id, Tracking];

    /// <summary>The partial index's condition, as the migrations write it.</summary>
    internal static string Condition { get; } = $"name IN ({string.Join(", ", Names.Select(name => $"'{name}'"))})";
}

using System.Globalization;

namespace ReverseLogistics.Storage;

/// <summary>
/// Timers kept in the actor index: an actor due for a kind of work at an instant holds the entry
/// "due" = "kind@instant", written with its state like any other entry, so the timer moves and
/// disappears with the state. Migration 0004's partial index over name "due" lets
/// <see cref="IActorStore.FindDueAsync"/> read only what is due, across all tenants.
/// </summary>
public static class DueIndex
{
    public const string Name = "due";

    /// <summary>The entry saying the actor is due for <paramref name="kind"/> at <paramref name="dueAt"/> (UTC).</summary>
    public static IndexEntry Entry(string kind, DateTime dueAt) => new(Name, Value(kind, dueAt));

    internal static string Value(string kind, DateTime at)
    {
        RequireKind(kind);
        if (at.Kind != DateTimeKind.Utc) throw new ArgumentException("Due times are UTC.", nameof(at));
        return Prefix(kind) + at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    internal static string Prefix(string kind) => kind + "@";

    internal static DateTime DueAt(string value) =>
        DateTime.ParseExact(value[(value.IndexOf('@') + 1)..], "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    internal static void RequireKind(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (kind.Contains('@')) throw new ArgumentException("A due kind has no '@'.", nameof(kind));
    }
}

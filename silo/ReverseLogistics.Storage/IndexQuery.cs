namespace ReverseLogistics.Storage;

/// <summary>
/// Actors of one type within one tenant whose <see cref="IndexEntry"/> values satisfy every
/// condition (AND; no conditions: every actor of the type). Results are ordered by actor id,
/// ordinally (byte order, as <see cref="ActorKey"/>), ascending or <see cref="Descending"/>,
/// and paged by keyset: the next page starts after <see cref="AfterId"/>, the last id of the
/// page before, in the chosen direction. At most <see cref="Limit"/> ids per page.
/// </summary>
public sealed record IndexQuery(
    string TenantId,
    string ActorType,
    IReadOnlyList<IndexCondition> Conditions,
    string? AfterId = null,
    int Limit = 100,
    bool Descending = false);

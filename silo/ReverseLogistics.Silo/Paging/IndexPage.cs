using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Paging;

/// <summary>
/// One page of the actors an index query finds, read from the store without activating them: their
/// states, and the token of the next page ("" on the last one). A page also ends once the states read
/// reach <see cref="MaxPageBytes"/>, so that a page of large objects stays far below what clients accept.
/// </summary>
public static class IndexPage
{
    /// <summary>The stored JSON a page may gather before it ends early; a page always holds at least one item.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    /// <param name="query">Its <see cref="IndexQuery.Limit"/> is the page size.</param>
    public static async Task<(IReadOnlyList<(ActorKey Key, TState State)> Items, string NextPageToken)> ReadAsync<TState>(
        IActorStore store, IndexQuery query, CancellationToken cancellationToken)
    {
        var size = query.Limit;
        // One more than a page tells whether another page follows.
        var keys = await store.FindAsync(query with { Limit = size + 1 }, cancellationToken);
        var items = new List<(ActorKey, TState)>();
        var bytes = 0L;
        for (var i = 0; i < Math.Min(size, keys.Count); i++)
        {
            if (bytes >= MaxPageBytes) return (items, PageTokens.Encode(keys[i - 1].Id));
            if (await store.ReadAsync(keys[i], cancellationToken) is not { } record) continue;
            bytes += record.State.Length;
            items.Add((keys[i], JsonSerializer.Deserialize<TState>(record.State, DomainJson.Options)!));
        }
        return (items, keys.Count > size ? PageTokens.Encode(keys[size - 1].Id) : "");
    }
}

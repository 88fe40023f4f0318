using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Paging;

/// <summary>
/// One page of the actors an index query finds, read from the store without activating them: their
/// states, and the token of the next page ("" on the last one).
/// </summary>
public static class IndexPage
{
    /// <param name="query">Its <see cref="IndexQuery.Limit"/> is the page size.</param>
    public static async Task<(IReadOnlyList<(ActorKey Key, TState State)> Items, string NextPageToken)> ReadAsync<TState>(
        IActorStore store, IndexQuery query, CancellationToken cancellationToken)
    {
        var size = query.Limit;
        // One more than a page tells whether another page follows.
        var keys = await store.FindAsync(query with { Limit = size + 1 }, cancellationToken);
        var items = new List<(ActorKey, TState)>();
        foreach (var key in keys.Take(size))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } record)
                items.Add((key, JsonSerializer.Deserialize<TState>(record.State, DomainJson.Options)!));
        }
        return (items, keys.Count > size ? PageTokens.Encode(keys[size - 1].Id) : "");
    }
}

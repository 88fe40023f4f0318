namespace ReverseLogistics.Storage;

/// <summary>Reading every counter a query finds, whatever its size: the store's keyset pages, one after the other.</summary>
public static class CounterPages
{
    public static async IAsyncEnumerable<CounterValue> ReadAllCountersAsync(this IActorStore store, CounterQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.ReadCountersAsync(query, cancellationToken);
            foreach (var counter in page) yield return counter;
            if (page.Count < query.Limit) yield break;
            query = query with { AfterKey = page[^1].Key, AfterTenantId = query.TenantId is null ? page[^1].TenantId : null };
        }
    }
}

using ReverseLogistics.Storage.GroupCommit;

namespace ReverseLogistics.Storage.Sqlite;

/// <summary>
/// The counters' deltas that batches logged (counter_log) and no fold has added to the counters table yet, in memory as
/// well, so a read adds them to what it finds (docs/analytics.md, "Folding the counters"). Batches in log order, each its
/// sums sorted by (tenant, name, key). Thread-safe: the writer adds and removes, readers take snapshots.
/// </summary>
internal sealed class UnfoldedCounters
{
    private readonly object gate = new();
    private List<UnfoldedBatch> batches = [];
    private int deltas;

    /// <summary>Deltas held, over every batch (a counter moved by several batches counts once each).</summary>
    public int Deltas
    {
        get { lock (gate) return deltas; }
    }

    /// <param name="sums">In <see cref="CounterSum.InKeyOrder"/>, as <see cref="CounterSum.Of"/> gives them.</param>
    public void Add(long sequence, IReadOnlyList<CounterSum> sums)
    {
        var sorted = sums.ToArray();
        lock (gate)
        {
            // Copy on write: a snapshot a reader took stays as it was.
            batches = [.. batches, new UnfoldedBatch(sequence, sorted)];
            deltas += sorted.Length;
        }
    }

    public IReadOnlyList<UnfoldedBatch> Snapshot()
    {
        lock (gate) return batches;
    }

    /// <summary>Forgets the batches a fold added to the counters: those up to <paramref name="sequence"/>.</summary>
    public void RemoveThrough(long sequence)
    {
        lock (gate)
        {
            batches = [.. batches.Where(batch => batch.Sequence > sequence)];
            deltas = batches.Sum(batch => batch.Sums.Length);
        }
    }

    /// <summary>Every batch's deltas summed per counter, in (tenant, name, key) order; sums of 0 kept, so the fold writes their rows.</summary>
    public static List<CounterSum> Merge(IReadOnlyList<UnfoldedBatch> batches)
    {
        var sums = new Dictionary<(string TenantId, string Name, string Key), long>();
        foreach (var batch in batches)
        {
            foreach (var sum in batch.Sums)
            {
                var counter = (sum.TenantId, sum.Name, sum.Key);
                sums[counter] = checked(sums.GetValueOrDefault(counter) + sum.Delta);
            }
        }
        var merged = sums.Select(s => new CounterSum(s.Key.TenantId, s.Key.Name, s.Key.Key, s.Value)).ToList();
        merged.Sort(CounterSum.InKeyOrder);
        return merged;
    }

    /// <summary>
    /// What <paramref name="stored"/>, one page the counters table gave for <paramref name="query"/>, reads with the
    /// unfolded deltas of <paramref name="batches"/> added: the deltas' counters within the query and the page (up to its
    /// last counter when it is full) added to the stored ones or listed as new, in the query's order, at most its limit.
    /// </summary>
    public static IReadOnlyList<CounterValue> AddTo(IReadOnlyList<CounterValue> stored, CounterQuery query, IReadOnlyList<UnfoldedBatch> batches)
    {
        if (batches.Count == 0) return stored;
        var last = stored.Count == query.Limit ? stored[^1] : (CounterValue?)null;
        var found = new Dictionary<(string Key, string TenantId), long>();
        foreach (var batch in batches)
        {
            foreach (var sum in batch.Matching(query))
            {
                var counter = (sum.Key, sum.TenantId);
                if (last is { } end && ByReadOrder(counter, (end.Key, end.TenantId)) > 0) continue;
                found[counter] = checked(found.GetValueOrDefault(counter) + sum.Delta);
            }
        }
        if (found.Count == 0) return stored;
        var values = stored.ToDictionary(counter => (counter.Key, counter.TenantId), counter => counter.Value);
        foreach (var (counter, delta) in found) values[counter] = checked(values.GetValueOrDefault(counter) + delta);
        var merged = values.Select(v => new CounterValue(v.Key.TenantId, v.Key.Key, v.Value)).ToList();
        merged.Sort((a, b) => ByReadOrder((a.Key, a.TenantId), (b.Key, b.TenantId)));
        return merged.Count > query.Limit ? merged[..query.Limit] : merged;
    }

    private static int ByReadOrder((string Key, string TenantId) a, (string Key, string TenantId) b)
    {
        var byKey = CodePointOrder.Instance.Compare(a.Key, b.Key);
        return byKey != 0 ? byKey : CodePointOrder.Instance.Compare(a.TenantId, b.TenantId);
    }

}

/// <summary>One batch's summed deltas, sorted by (tenant, name, key) in code point order.</summary>
internal sealed record UnfoldedBatch(long Sequence, CounterSum[] Sums)
{
    /// <summary>The deltas within <paramref name="query"/>'s tenant (or every tenant), name, ranges and keyset cursor.</summary>
    public IEnumerable<CounterSum> Matching(CounterQuery query)
    {
        if (query.TenantId is { } tenant)
        {
            foreach (var range in query.Ranges)
            {
                // Sorted by tenant, name and key: a tenant's name's range is one run of the array.
                for (var i = LowerBound(tenant, query.Name, range.From); i < Sums.Length; i++)
                {
                    var sum = Sums[i];
                    if (sum.TenantId != tenant || sum.Name != query.Name || CodePointOrder.Instance.Compare(sum.Key, range.To) >= 0) break;
                    if (IsAfterCursor(sum, query)) yield return sum;
                }
            }
            yield break;
        }
        foreach (var sum in Sums)
        {
            if (sum.Name == query.Name && query.Ranges.Any(r => CodePointOrder.Instance.Compare(sum.Key, r.From) >= 0 && CodePointOrder.Instance.Compare(sum.Key, r.To) < 0)
                && IsAfterCursor(sum, query))
            {
                yield return sum;
            }
        }
    }

    private static bool IsAfterCursor(CounterSum sum, CounterQuery query)
    {
        if (query.AfterKey is not { } afterKey) return true;
        var byKey = CodePointOrder.Instance.Compare(sum.Key, afterKey);
        return byKey > 0 || (byKey == 0 && query.AfterTenantId is { } afterTenant && CodePointOrder.Instance.Compare(sum.TenantId, afterTenant) > 0);
    }

    private int LowerBound(string tenant, string name, string key)
    {
        int low = 0, high = Sums.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var sum = Sums[middle];
            var order = CodePointOrder.Instance.Compare(sum.TenantId, tenant);
            if (order == 0) order = CodePointOrder.Instance.Compare(sum.Name, name);
            if (order == 0) order = CodePointOrder.Instance.Compare(sum.Key, key);
            if (order < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}

using System.Runtime.InteropServices;
using ReverseLogistics.Storage.GroupCommit;
using ReverseLogistics.Text;

namespace ReverseLogistics.Storage.Sqlite;

/// <summary>
/// The counters' deltas that batches logged (counter_log) and no fold has added to the counters table yet, summed per
/// counter in memory as well, so a read adds them to what it finds (docs/analytics.md, "Folding the counters"). One sorted
/// set, so a read of a few keys (the fraud check on every CreateReturn) finds them in a few steps however many batches
/// wait; and the same counters by name, so a batch finds the ones it moves again (most of them: a busy day's shared
/// counters) without comparing keys down the set. Thread-safe: the writer adds and clears (under the store's writer lock), readers copy what their query holds.
/// </summary>
internal sealed class UnfoldedCounters
{
    private readonly Lock gate = new();
    private readonly SortedSet<Unfolded> counters = new(Comparer<Unfolded>.Create(InKeyOrder));
    private readonly Dictionary<(string TenantId, string Name, string Key), Unfolded> byCounter = [];
    private int deltas;
    private long lastSequence;

    /// <summary>Deltas added since the last fold (a counter moved by several batches counts once each).</summary>
    public int Deltas
    {
        get { lock (gate) return deltas; }
    }

    public void Add(long sequence, IReadOnlyList<CounterSum> sums)
    {
        lock (gate)
        {
            foreach (var sum in sums)
            {
                ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(byCounter, (sum.TenantId, sum.Name, sum.Key), out var waiting);
                if (waiting)
                {
                    held!.Delta = checked(held.Delta + sum.Delta);
                    continue;
                }
                held = new Unfolded(sum.TenantId, sum.Name, sum.Key) { Delta = sum.Delta };
                counters.Add(held);
            }
            deltas += sums.Count;
            lastSequence = Math.Max(lastSequence, sequence);
        }
    }

    /// <summary>
    /// What a fold adds: every counter summed, in (tenant, name, key) order, sums of 0 kept so the fold writes their rows;
    /// and the last log row they come from. Null when nothing waits.
    /// </summary>
    public (List<CounterSum> Sums, long Through)? ToFold()
    {
        lock (gate)
        {
            if (counters.Count == 0) return null;
            return ([.. counters.Select(c => new CounterSum(c.TenantId, c.Name, c.Key, c.Delta))], lastSequence);
        }
    }

    /// <summary>Forgets everything: a fold added it to the counters table (nothing is added while a fold runs).</summary>
    public void Clear()
    {
        lock (gate)
        {
            counters.Clear();
            byCounter.Clear();
            deltas = 0;
        }
    }

    /// <summary>The unfolded counters within <paramref name="query"/>'s tenant (or every tenant), name, ranges and keyset cursor.</summary>
    public List<CounterValue> Find(CounterQuery query)
    {
        var found = new List<CounterValue>();
        lock (gate)
        {
            if (counters.Count == 0) return found;
            if (query.TenantId is { } tenant)
            {
                foreach (var range in query.Ranges)
                {
                    // The set's order is (tenant, name, key): one tenant's name's range is one run of it.
                    var view = counters.GetViewBetween(new Unfolded(tenant, query.Name, range.From), new Unfolded(tenant, query.Name, range.To));
                    foreach (var counter in view)
                    {
                        if (counter.Key != range.To && IsAfterCursor(counter, query)) found.Add(new CounterValue(counter.TenantId, counter.Key, counter.Delta));
                    }
                }
                return found;
            }
            foreach (var counter in counters)
            {
                if (counter.Name == query.Name && IsAfterCursor(counter, query)
                    && query.Ranges.Any(r => CodePointOrder.Instance.Compare(counter.Key, r.From) >= 0 && CodePointOrder.Instance.Compare(counter.Key, r.To) < 0))
                {
                    found.Add(new CounterValue(counter.TenantId, counter.Key, counter.Delta));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// What <paramref name="stored"/>, one page the counters table gave for <paramref name="query"/>, reads with the
    /// unfolded counters <paramref name="unfolded"/> (<see cref="Find"/>) added: those within the page (up to its last
    /// counter when it is full) added to the stored ones or listed as new, in the query's order, at most its limit.
    /// </summary>
    public static IReadOnlyList<CounterValue> AddTo(IReadOnlyList<CounterValue> stored, CounterQuery query, IReadOnlyList<CounterValue> unfolded)
    {
        var last = stored.Count == query.Limit ? stored[^1] : (CounterValue?)null;
        var within = unfolded.Where(counter => last is not { } end || InReadOrder(counter, end) <= 0).ToList();
        if (within.Count == 0) return stored;
        var values = stored.ToDictionary(counter => (counter.Key, counter.TenantId), counter => counter.Value);
        foreach (var counter in within) values[(counter.Key, counter.TenantId)] = checked(values.GetValueOrDefault((counter.Key, counter.TenantId)) + counter.Value);
        var merged = values.Select(v => new CounterValue(v.Key.TenantId, v.Key.Key, v.Value)).ToList();
        merged.Sort(InReadOrder);
        return merged.Count > query.Limit ? merged[..query.Limit] : merged;
    }

    private static bool IsAfterCursor(Unfolded counter, CounterQuery query)
    {
        if (query.AfterKey is not { } afterKey) return true;
        var byKey = CodePointOrder.Instance.Compare(counter.Key, afterKey);
        return byKey > 0 || (byKey == 0 && query.AfterTenantId is { } afterTenant && CodePointOrder.Instance.Compare(counter.TenantId, afterTenant) > 0);
    }

    /// <summary>A read's order: key, then tenant.</summary>
    private static int InReadOrder(CounterValue a, CounterValue b)
    {
        var byKey = CodePointOrder.Instance.Compare(a.Key, b.Key);
        return byKey != 0 ? byKey : CodePointOrder.Instance.Compare(a.TenantId, b.TenantId);
    }

    /// <summary>(tenant, name, key) in the databases' order of text (<see cref="CodePointOrder"/>): the fold writes them so.</summary>
    private static int InKeyOrder(Unfolded? a, Unfolded? b)
    {
        var order = CodePointOrder.Instance.Compare(a!.TenantId, b!.TenantId);
        if (order == 0) order = CodePointOrder.Instance.Compare(a.Name, b.Name);
        return order != 0 ? order : CodePointOrder.Instance.Compare(a.Key, b.Key);
    }

    /// <summary>One counter's deltas not folded yet, summed.</summary>
    private sealed class Unfolded(string tenantId, string name, string key)
    {
        public string TenantId { get; } = tenantId;
        public string Name { get; } = name;
        public string Key { get; } = key;
        public long Delta { get; set; }
    }
}

using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>
/// Reads the analytics' counters from the store (docs/analytics.md): the reads a report plans, each a few key ranges of
/// one counter name, run side by side; never a return's state.
/// </summary>
public sealed class AnalyticsDirectory(IActorStore store)
{
    private const int PageSize = 10_000;

    /// <summary>
    /// The tenant whose counters a caller reads: a merchant its own (naming another is refused); an operator the merchant
    /// it names (NOT_FOUND when there is none), or every merchant when it names none (null).
    /// </summary>
    public async Task<string?> ScopeAsync(Caller caller, string tenantId, CancellationToken cancellationToken)
    {
        if (caller.Role != ApiKeyRole.Operator)
        {
            new Validator().Require(tenantId.Length == 0 || tenantId == caller.TenantId, "tenant_id", "operators only: a merchant reads its own figures")
                .ThrowIfInvalid();
            return caller.TenantId;
        }
        if (tenantId.Length == 0) return null;
        if (!TenantIds.IsValidMerchantId(tenantId) || await store.ReadAsync(new ActorKey(tenantId, TenantGrain.TypeName, tenantId), cancellationToken) is null)
            throw new NotFoundException($"Tenant '{tenantId}' not found.");
        return tenantId;
    }

    /// <summary>
    /// Every counter the reads find, of <paramref name="tenantId"/> or (null) of every tenant. A wide range (every group of a
    /// period, a page of groups) is one query, which the index keeps in key order, so its pages need no sort; narrow ones (one
    /// group's keys) go in queries of up to 100 ranges (binding a statement's parameters by name grows with the square of
    /// their number). Wide ranges together would be sorted, and sorted again for every page of a large result.
    /// </summary>
    public async Task<IReadOnlyList<CounterRow>> ReadAsync(string? tenantId, IReadOnlyList<CounterRead> reads, CancellationToken cancellationToken)
    {
        var parts = reads.SelectMany(read => read.Ranges.Chunk(read.Narrow ? StoreRangesPerQuery : 1).Select(ranges => (read, ranges))).ToList();
        var found = new List<CounterRow>[parts.Count];
        // A page of groups is a query per period and counter name: a few at a time, not a connection each.
        await Parallel.ForAsync(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = QueriesAtOnce, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await ReadAllAsync(tenantId, parts[i].read, parts[i].ranges, token));
        return [.. found.SelectMany(rows => rows)];
    }

    private const int StoreRangesPerQuery = 100;
    private const int QueriesAtOnce = 4;

    /// <summary>
    /// <paramref name="query"/> limited to one page of groups when it is over every group (<see cref="GroupPages"/>), and the
    /// page's last group when another page follows (null: none does); a query of one group or of the whole business as it is.
    /// </summary>
    public async Task<(AnalyticsQuery Query, string? LastGroup)> PageAsync(string? tenantId, AnalyticsQuery query, GroupPresence presence,
        string? after, int size, CancellationToken cancellationToken)
    {
        if (!query.IsOverEveryGroup) return (query, null);
        var firstMonth = query.Range.First;
        if (presence.SinceFirstMonth)
        {
            var first = await ReadAsync(tenantId, [GroupPages.FirstMonthRead(query, presence)], cancellationToken);
            if (first.Count == 0) return (query with { Page = new GroupPage([]) }, null);
            firstMonth = CounterNames.PeriodStart(first[0].Key, PeriodGrain.Month);
        }
        var found = await ReadAsync(tenantId, GroupPages.Reads(query, presence, firstMonth, after, size), cancellationToken);
        var (page, more) = GroupPages.Page(found, after, size);
        return (query with { Page = page }, more ? page.Groups[^1] : null);
    }

    private async Task<List<CounterRow>> ReadAllAsync(string? tenantId, CounterRead read, KeyRange[] ranges, CancellationToken cancellationToken)
    {
        // The first keys of one tenant take one page of one more (which ends the read); across tenants a key comes once per tenant.
        var query = new CounterQuery(tenantId, read.Name, [.. ranges.Select(r => new CounterRange(r.From, r.To))],
            read.FirstKeys is { } wanted && tenantId is not null ? wanted + 1 : PageSize);
        var rows = new List<CounterRow>();
        var keys = 0;
        await foreach (var counter in store.ReadAllCountersAsync(query, cancellationToken))
        {
            if (rows.Count == 0 || rows[^1].Key != counter.Key)
            {
                if (keys == read.FirstKeys) break;
                keys++;
            }
            rows.Add(new CounterRow(read, counter.Key, counter.Value));
        }
        return rows;
    }
}

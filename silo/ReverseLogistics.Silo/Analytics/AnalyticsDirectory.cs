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
    /// Every counter the reads find, of <paramref name="tenantId"/> or (null) of every tenant. A read of a few wide ranges
    /// (every group of a period) is one query per range, which the index keeps in key order, so its pages need no sort;
    /// a read of many narrow ones (one group's keys) goes in queries of up to 100 ranges (binding a statement's parameters by name grows with the square of their number).
    /// </summary>
    public async Task<IReadOnlyList<CounterRow>> ReadAsync(string? tenantId, IReadOnlyList<CounterRead> reads, CancellationToken cancellationToken)
    {
        var parts = reads.SelectMany(read => read.Ranges.Chunk(read.Ranges.Count <= WideRanges ? 1 : StoreRangesPerQuery).Select(ranges => (read, ranges)));
        var found = await Task.WhenAll(parts.Select(part => ReadAllAsync(tenantId, part.read, part.ranges, cancellationToken)));
        return [.. found.SelectMany(rows => rows)];
    }

    private const int StoreRangesPerQuery = 100;
    private const int WideRanges = 4;

    private async Task<List<CounterRow>> ReadAllAsync(string? tenantId, CounterRead read, KeyRange[] ranges, CancellationToken cancellationToken)
    {
        var query = new CounterQuery(tenantId, read.Name, [.. ranges.Select(r => new CounterRange(r.From, r.To))], PageSize);
        var rows = new List<CounterRow>();
        await foreach (var counter in store.ReadAllCountersAsync(query, cancellationToken)) rows.Add(new CounterRow(read, counter.Key, counter.Value));
        return rows;
    }
}

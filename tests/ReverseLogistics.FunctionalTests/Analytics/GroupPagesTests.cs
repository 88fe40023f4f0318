using System.Text.Json;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.Silo.Analytics;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Testing;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// Reports over every SKU read a page of groups at a time (<see cref="GroupPages"/>): on a real store, every page size gives
/// the same groups and figures, in the same order, as reading every group at once, with names whose keys sort otherwise
/// ("ABC-1" before "ABC|…"), escaped names, a group whose only figures lie outside the range, and one disposed of in the
/// range but returned long before it.
/// </summary>
public abstract class GroupPagesTests : IAsyncLifetime
{
    private static readonly DayRange Range = new(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 20));
    private readonly string tenant = $"pages-{Guid.NewGuid():N}"[..20];
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
    private IActorStore store = null!;
    private AnalyticsDirectory directory = null!;
    private long version;

    protected abstract IActorStore CreateStore();

    public async Task InitializeAsync()
    {
        store = CreateStore();
        await store.MigrateAsync(timeout.Token);
        directory = new AnalyticsDirectory(store);
        foreach (var sku in new[] { "ABC", "ABC-1", "ABC0", "AB|C", "AB%", "MID", "ZED", "Ünï" })
        {
            await ReturnAsync(new DateOnly(2026, 1, 20), sku, "wrong_size", units: 2);
            await ReturnAsync(new DateOnly(2026, 3, 2), sku, "damaged", units: 1);
            await DisposeOfAsync(new DateOnly(2026, 2, 10), sku, units: 1);
        }
        await ReturnAsync(new DateOnly(2026, 2, 10), "ABC", "defective", units: 3);
        // Returned and sold only before the range starts, in a month it covers: listed in January's month rows, without figures.
        await ReturnAsync(new DateOnly(2026, 1, 3), "EARLY", "wrong_size", units: 1);
        await SellAsync(new DateOnly(2026, 1, 3), "EARLY", 5);
        // Sold but never returned: a return rate's group.
        await SellAsync(new DateOnly(2026, 2, 1), "SOLD", 40);
        // Returned in 2025, disposed of in the range: a disposition group found from its returns' month rows of 2025.
        await ReturnAsync(new DateOnly(2025, 11, 5), "OLD", "defective", units: 1);
        await DisposeOfAsync(new DateOnly(2026, 2, 12), "OLD", units: 1);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        timeout.Dispose();
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    public async Task Pages_of_the_return_rate_add_up_to_every_sku_read_at_once(int size)
    {
        var query = new AnalyticsQuery(Range, Dimension.Sku, Interval: Interval.Month);
        var (whole, paged) = await ReadWholeAndPagedAsync(query, ReturnRateReport.Presence, size, ReturnRateReport.Reads, ReturnRateReport.Build);

        Assert.Equal(["AB%", "AB|C", "ABC", "ABC-1", "ABC0", "MID", "SOLD", "ZED", "Ünï"], whole.Select(g => g.Group));
        Assert.Equal(Json(whole), Json(paged));
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Pages_of_the_reasons_add_up_to_every_sku_read_at_once(int size)
    {
        var query = new AnalyticsQuery(Range, Dimension.Sku);
        var (whole, paged) = await ReadWholeAndPagedAsync(query, ReturnReasonsReport.Presence, size, ReturnReasonsReport.Reads,
            (read, rows) => ReturnReasonsReport.Build(read, rows, top: 5));

        Assert.Equal(["AB%", "AB|C", "ABC", "ABC-1", "ABC0", "MID", "ZED", "Ünï"], whole.Select(g => g.Group));
        Assert.Equal(6, whole.Single(g => g.Group == "ABC").UnitsReturned);
        Assert.Equal(Json(whole), Json(paged));
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Pages_of_the_disposition_mix_add_up_to_every_sku_read_at_once(int size)
    {
        var query = new AnalyticsQuery(Range, Dimension.Sku);
        var (whole, paged) = await ReadWholeAndPagedAsync(query, DispositionMixReport.Presence, size, DispositionMixReport.Reads, DispositionMixReport.Build);

        Assert.Equal(["AB%", "AB|C", "ABC", "ABC-1", "ABC0", "MID", "OLD", "ZED", "Ünï"], whole.Select(g => g.Group));
        Assert.Equal(Json(whole), Json(paged));
    }

    [SkippableFact]
    public async Task A_page_reads_the_counters_of_its_own_groups_and_hardly_any_other()
    {
        var query = new AnalyticsQuery(Range, Dimension.Sku);
        var (page, last) = await directory.PageAsync(tenant, query, ReturnReasonsReport.Presence, "AB|C", 2, timeout.Token);
        var rows = await directory.ReadAsync(tenant, ReturnReasonsReport.Reads(page), timeout.Token);

        Assert.Equal(["ABC", "ABC-1"], page.Page!.Groups);
        Assert.Equal("ABC-1", last);
        // In key order "ABC0|…" lies between "ABC-1|…" and "ABC|…", so its rows are read with the page's (and left out of it), and no others.
        Assert.Equal(["ABC", "ABC-1", "ABC0"], rows.Select(r => CounterNames.FirstPart(r.Key, r.Read.Grain)).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["ABC", "ABC-1"], ReturnReasonsReport.Build(page, rows, top: 5).Select(g => g.Group));
    }

    /// <summary>The report read for every group at once, and read page after page (<paramref name="size"/> groups each) and put together.</summary>
    private async Task<(IReadOnlyList<T> Whole, List<T> Paged)> ReadWholeAndPagedAsync<T>(AnalyticsQuery query, GroupPresence presence, int size,
        Func<AnalyticsQuery, IReadOnlyList<CounterRead>> reads, Func<AnalyticsQuery, IReadOnlyList<CounterRow>, IReadOnlyList<T>> build)
    {
        var whole = build(query, await directory.ReadAsync(tenant, reads(query), timeout.Token));
        var paged = new List<T>();
        string? after = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var (page, last) = await directory.PageAsync(tenant, query, presence, after, size, timeout.Token);
            Assert.InRange(page.Page!.Groups.Count, 0, size);
            paged.AddRange(build(page, await directory.ReadAsync(tenant, reads(page), timeout.Token)));
            if (last is null) return (whole, paged);
            after = last;
        }
        throw new InvalidOperationException("The pages never ended.");
    }

    private static string Json<T>(IEnumerable<T> groups) => JsonSerializer.Serialize(groups);

    private Task ReturnAsync(DateOnly day, string sku, string reason, long units) => CommitAsync(day,
        (Measure.Returns, [sku], 1), (Measure.ReasonUnits, [sku, reason], units));

    private Task SellAsync(DateOnly day, string sku, long units) => CommitAsync(day, (Measure.UnitsSold, [sku], units));

    private Task DisposeOfAsync(DateOnly day, string sku, long units) => CommitAsync(day,
        (Measure.DispositionUnits, [sku, "B", "Restock"], units), (Measure.DispositionValue, [sku, "USD", ReturnOutcomes.Refunded], 2_500 * units),
        (Measure.DispositionValue, [sku, "USD", ReturnOutcomes.Recovered], 2_000 * units));

    /// <summary>Counters as a return's commit moves them: each figure of the SKU per day and per month.</summary>
    private async Task CommitAsync(DateOnly day, params (Measure Measure, string[] Parts, long Value)[] figures)
    {
        var deltas = figures.SelectMany(f => new[] { PeriodGrain.Day, PeriodGrain.Month }.Select(grain =>
            new CounterDelta(CounterNames.Name(f.Measure, Dimension.Sku, grain), CounterNames.Key(day, grain, f.Parts), f.Value))).ToList();
        var result = await store.CommitAsync(new ActorCommit(new ActorKey(tenant, "pages-test", "loader"), version, 0, "{}", [], Counters: deltas), timeout.Token);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        version++;
    }
}

public sealed class SqliteGroupPagesTests(TemporaryDirectory directory) : GroupPagesTests, IClassFixture<TemporaryDirectory>
{
    protected override IActorStore CreateStore() => new SqliteActorStore(directory.Path);
}

public sealed class PostgresGroupPagesTests(PostgresDatabase database) : GroupPagesTests, IClassFixture<PostgresDatabase>
{
    protected override IActorStore CreateStore()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        return new PostgresActorStore(database.ConnectionString);
    }
}

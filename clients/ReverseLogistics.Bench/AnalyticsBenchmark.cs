using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Sales;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Silo.Analytics;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sqlite;

namespace ReverseLogistics.Bench;

/// <summary>
/// `analytics`: a large merchant's year in the counters, then each analytics query timed, then what the counters add to
/// a return's commit. The year is written in bulk: each day's returns are made by the domain (<see cref="Return.Open"/>)
/// and what they contribute (<see cref="ReturnAnalytics.Of"/>) is summed per counter and committed in large commits of a
/// loader actor, which leaves the counters as a million returns' own commits would, in a fraction of the time; the returns'
/// states are not stored, since no query reads them. Sales: every SKU every day, as sales-day commits would leave them.
/// Most returns are refunded and their lines given dispositions (<see cref="ReturnOutcomesSample"/>); most customers return
/// once, some a few times, a few dozens of times a year. The commit cost is then measured on the commits CreateReturn makes
/// (state, events, idempotency record, index entries, and no counters, those of the returns facet, or those of every facet),
/// the kinds alternating in rounds on the loaded store.
/// </summary>
public static class AnalyticsBenchmark
{
    private static readonly string[] Reasons = ["wrong_size", "changed_mind", "not_as_described", "wrong_item", "defective", "damaged", "late_delivery"];
    private static readonly DateOnly FirstDay = new(2026, 1, 1);

    public static Command CreateCommand()
    {
        var returns = new Option<int>("--returns") { Description = "Returns over the year", DefaultValueFactory = _ => 1_000_000 };
        var skus = new Option<int>("--skus") { Description = "SKUs, popular ones returned more (Zipf)", DefaultValueFactory = _ => 5_000 };
        var categories = new Option<int>("--categories") { Description = "Categories the SKUs fall in", DefaultValueFactory = _ => 50 };
        var queries = new Option<int>("--queries") { Description = "Times each query runs", DefaultValueFactory = _ => 50 };
        var commits = new Option<int>("--commits") { Description = "Return commits per round and kind in the commit-cost part", DefaultValueFactory = _ => 5_000 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of each kind, alternated, after a warm-up round; 0: no commit-cost part", DefaultValueFactory = _ => 4 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Directory for the SQLite database; a temporary one, deleted afterwards, when absent" };
        var postgres = new Option<string?>("--postgres") { Description = "Measure on this PostgreSQL database instead of SQLite (its schema is migrated)" };
        var only = new Option<string?>("--only") { Description = "Time only the queries whose name holds this text" };
        var reuse = new Option<bool>("--reuse") { Description = "With --data-dir: time the year loaded there by an earlier run instead of loading one" };
        var command = new Command("analytics", "A large merchant's year of returns in the analytics counters: each query's p50/p99 and the cost counters add to a commit")
        {
            returns, skus, categories, queries, commits, rounds, dataDir, postgres, reuse, only,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var shape = new Shape(result.GetValue(returns), result.GetValue(skus), result.GetValue(categories));
            var directory = result.GetValue(dataDir) ?? Directory.CreateTempSubdirectory("rl-bench-analytics-").FullName;
            try
            {
                await using IActorStore store = result.GetValue(postgres) is { Length: > 0 } connectionString
                    ? new PostgresActorStore(connectionString)
                    : new SqliteActorStore(directory);
                await store.MigrateAsync(cancellationToken);
                // The loaded year's tenant is noted in the data directory, so --reuse can time it again.
                var loaded = Path.Combine(directory, "analytics-bench-tenant.txt");
                var reused = result.GetValue(reuse) && result.GetValue(dataDir) is not null && File.Exists(loaded);
                var tenant = reused ? File.ReadAllText(loaded).Trim() : $"bench-{Guid.NewGuid():N}"[..20];
                Console.WriteLine($"analytics on {(store is SqliteActorStore ? "sqlite" : "postgres")}: tenant {tenant}, {shape.Returns:N0} returns over " +
                                  $"{FirstDay:yyyy} on {shape.Skus:N0} SKUs in {shape.Categories} categories{(reused ? ", loaded before" : "")}");
                if (!reused)
                {
                    await LoadYearAsync(store, tenant, shape, cancellationToken);
                    await File.WriteAllTextAsync(loaded, tenant, cancellationToken);
                }
                await TimeQueriesAsync(store, tenant, shape, result.GetValue(queries), result.GetValue(only), cancellationToken);
                if (result.GetValue(rounds) > 0)
                    await TimeCommitsAsync(store, result.GetValue(postgres), tenant, shape, result.GetValue(commits), result.GetValue(rounds), cancellationToken);
            }
            finally
            {
                if (result.GetValue(dataDir) is null) Directory.Delete(directory, recursive: true);
            }
            return 0;
        });
        return command;
    }

    private sealed record Shape(int Returns, int Skus, int Categories)
    {
        private readonly double[] cumulative = Zipf(Skus);

        public string Sku(int rank) => $"SKU-{rank:D6}";

        public string Category(int rank) => $"category-{rank % Categories:D3}";

        /// <summary>A SKU's rank, popular ones more often (Zipf, exponent 1).</summary>
        public int PickSku(Random random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, Skus - 1);
        }

        /// <summary>
        /// The customer of return <paramref name="id"/>: 85 % a customer's only return; 10 % one of returns/20 customers who
        /// return about twice a year; 5 % one of returns/1000 serial returners (about 50 returns a year each).
        /// </summary>
        public string PickCustomer(Random random, string id) => random.NextDouble() switch
        {
            < 0.85 => "cust-" + id,
            < 0.95 => $"repeat-{random.Next(Math.Max(1, Returns / 20)):D7}",
            _ => SerialCustomer(random.Next(Math.Max(1, Returns / 1000))),
        };

        public static string SerialCustomer(int rank) => $"serial-{rank:D5}";

        /// <summary>A SKU's share of the sales.</summary>
        public double Popularity(int rank) => rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];

        private static double[] Zipf(int n)
        {
            var weights = Enumerable.Range(1, n).Select(k => 1.0 / k).ToArray();
            var total = weights.Sum();
            var cumulative = new double[n];
            for (double sum = 0, i = 0; i < n; i++) cumulative[(int)i] = sum += weights[(int)i] / total;
            return cumulative;
        }
    }

    /// <summary>The year's counters: each day's returns and sales summed per counter, month counters at each month's end.</summary>
    private static async Task LoadYearAsync(IActorStore store, string tenant, Shape shape, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        var loader = new ActorKey(tenant, "bench-loader", "year");
        long version = 0, written = 0, rows = 0;
        var month = new Dictionary<CounterCell, long>();
        for (var day = FirstDay; day.Year == FirstDay.Year; day = day.AddDays(1))
        {
            var today = new Dictionary<CounterCell, long>();
            var count = shape.Returns / 365 + (day.DayOfYear <= shape.Returns % 365 ? 1 : 0);
            for (var i = 0; i < count; i++) Add(ReturnAnalytics.Of(NewReturn(shape, random, day, $"bench-{written + i}", resolved: true)), today, month);
            written += count;
            var sales = new SalesDayState { Day = day };
            for (var rank = 0; rank < shape.Skus; rank++)
                sales.Skus[shape.Sku(rank)] = new SoldUnits(shape.Category(rank), Math.Max(1, (long)Math.Round(shape.Popularity(rank) * count * 12)));
            Add(SalesAnalytics.Of(sales), today, month);
            (version, var dayRows) = await CommitAsync(store, loader, version, today, cancellationToken);
            rows += dayRows;
            if (day.AddDays(1).Month != day.Month)
            {
                (version, var monthRows) = await CommitAsync(store, loader, version, month, cancellationToken);
                rows += monthRows;
                month.Clear();
                Console.WriteLine($"  {day:yyyy-MM}: {written,9:N0} returns, {rows,10:N0} counters, {clock.Elapsed.TotalSeconds,6:F1} s");
            }
        }
        Console.WriteLine($"loaded {written:N0} returns' counters ({rows:N0} counters) in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void Add(Contribution contribution, Dictionary<CounterCell, long> days, Dictionary<CounterCell, long> months)
    {
        foreach (var (cell, value) in contribution.Values)
        {
            var target = cell.Name.EndsWith(".day", StringComparison.Ordinal) ? days : months;
            target[cell] = target.GetValueOrDefault(cell) + value;
        }
    }

    private static async Task<(long Version, long Rows)> CommitAsync(IActorStore store, ActorKey loader, long version, Dictionary<CounterCell, long> cells,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in cells.Chunk(20_000))
        {
            var result = await store.CommitAsync(new ActorCommit(loader, version, 0, "{}", [],
                Counters: [.. chunk.Select(c => new CounterDelta(c.Key.Name, c.Key.Key, c.Value))]), cancellationToken);
            if (result.Outcome != CommitOutcome.Committed) throw new InvalidOperationException($"Loading counters: {result.Outcome}");
            version++;
        }
        return (version, cells.Count);
    }

    /// <summary>
    /// A return requested on <paramref name="day"/>: one to three lines of SKUs picked by popularity, each with a reason; when
    /// <paramref name="resolved"/>, taken on to its refund and dispositions (most of them).
    /// </summary>
    private static ReturnRecord NewReturn(Shape shape, Random random, DateOnly day, string id, bool resolved = false)
    {
        var now = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var size = random.NextDouble();
        var lines = Enumerable.Range(0, size < 0.6 ? 1 : size < 0.9 ? 2 : 3).Select(_ =>
        {
            var rank = shape.PickSku(random);
            return new ReturnLine
            {
                OrderReference = "SO-" + id, Sku = shape.Sku(rank), Category = shape.Category(rank), Quantity = random.NextDouble() < 0.2 ? 2 : 1,
                PurchasedQuantity = 4, UnitPrice = new Money(25_00, "USD"), PurchasedAt = now.AddDays(-8), DeliveredAt = now.AddDays(-6),
                ReasonCode = Reasons[Math.Min(Reasons.Length - 1, (int)(-Math.Log(1 - random.NextDouble()) * 1.5))],
            };
        }).ToList();
        var request = new ReturnRequest
        {
            CustomerReference = shape.PickCustomer(random, id), CustomerAddress = new CustomerAddress { Line1 = "1 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" },
            Lines = lines, RequestedResolution = Resolution.RefundToOriginalPayment, ReturnMethod = ReturnMethod.CarrierPickup,
        };
        var policy = ReturnPolicy.Default with { Reasons = [.. Reasons.Select(code => new ReasonRule { Code = code })] };
        var eligibility = ReturnEligibility.Check(policy, request, now, CustomerHistory.None);
        var rma = new Return(id, new ReturnRecord());
        rma.Open(new ReturnDraft(request, "Jane Doe", false, policy, eligibility, "Bench"), now);
        rma.Record.UpdatedAt = now;
        if (resolved) ReturnOutcomesSample.Resolve(rma.Record, random);
        return rma.Record;
    }

    private static async Task TimeQueriesAsync(IActorStore store, string tenant, Shape shape, int times, string? only, CancellationToken cancellationToken)
    {
        var directory = new AnalyticsDirectory(store);
        var year = new DayRange(new DateOnly(2026, 1, 15), new DateOnly(2026, 12, 14));
        var popular = shape.Sku(0);
        (string Name, Func<Task<int>> Run)[] queries =
        [
            ("rate, overall, by month", () => RateAsync(new AnalyticsQuery(year, Dimension.Overall, Interval: Interval.Month))),
            ("rate, overall, by week", () => RateAsync(new AnalyticsQuery(year, Dimension.Overall, Interval: Interval.Week))),
            ("rate, one SKU, by month", () => RateAsync(new AnalyticsQuery(year, Dimension.Sku, popular, Interval.Month))),
            ("rate, one SKU, by day", () => RateAsync(new AnalyticsQuery(year, Dimension.Sku, popular, Interval.Day))),
            ("rate, every category", () => RateAsync(new AnalyticsQuery(year, Dimension.Category))),
            ("rate, every SKU, page 1", () => RateAsync(new AnalyticsQuery(year, Dimension.Sku))),
            ("rate, every SKU, page 2", () => RateAsync(new AnalyticsQuery(year, Dimension.Sku), after: shape.Sku(99))),
            ("rate, every SKU, 1,000", () => RateAsync(new AnalyticsQuery(year, Dimension.Sku), size: 1000)),
            ("rate, every category, ranked", () => RankedAsync(new AnalyticsQuery(year, Dimension.Category), RateOrder.ReturnRate)),
            ("rate, every SKU, ranked", () => RankedAsync(new AnalyticsQuery(year, Dimension.Sku), RateOrder.ReturnRate)),
            ("reasons, overall", () => ReasonsAsync(new AnalyticsQuery(year, Dimension.Overall))),
            ("reasons, one SKU", () => ReasonsAsync(new AnalyticsQuery(year, Dimension.Sku, popular))),
            ("reasons, every category", () => ReasonsAsync(new AnalyticsQuery(year, Dimension.Category))),
            ("reasons, every SKU", () => ReasonsAsync(new AnalyticsQuery(year, Dimension.Sku))),
            ("reasons, every SKU, 1,000", () => ReasonsAsync(new AnalyticsQuery(year, Dimension.Sku), size: 1000)),
            ("reasons, every category, ranked", () => RankedReasonsAsync(new AnalyticsQuery(year, Dimension.Category))),
            ("reasons, every SKU, ranked", () => RankedReasonsAsync(new AnalyticsQuery(year, Dimension.Sku))),
            ("resolution, by month", () => ResolutionAsync(new AnalyticsQuery(year, Dimension.Overall, Interval: Interval.Month))),
            ("resolution, by day", () => ResolutionAsync(new AnalyticsQuery(year, Dimension.Overall, Interval: Interval.Day))),
            ("dispositions, overall", () => DispositionsAsync(new AnalyticsQuery(year, Dimension.Overall))),
            ("dispositions, one SKU", () => DispositionsAsync(new AnalyticsQuery(year, Dimension.Sku, popular))),
            ("dispositions, every category", () => DispositionsAsync(new AnalyticsQuery(year, Dimension.Category))),
            ("dispositions, every SKU", () => DispositionsAsync(new AnalyticsQuery(year, Dimension.Sku))),
            ("dispositions, every SKU, 1,000", () => DispositionsAsync(new AnalyticsQuery(year, Dimension.Sku), size: 1000)),
            ("risk, 91 days", () => RiskAsync(new RiskQuery(new DayRange(year.Last.AddDays(-90), year.Last), 6))),
            ("risk, 30 days", () => RiskAsync(new RiskQuery(new DayRange(year.Last.AddDays(-29), year.Last), 3))),
            ("fraud check, one customer", () => HistoryAsync(Shape.SerialCustomer(0), new DayRange(year.Last.AddDays(-90), year.Last))),
        ];
        Console.WriteLine($"queries over {year.First:yyyy-MM-dd}..{year.Last:yyyy-MM-dd} (whole months read as month rows, the ends as day rows), {times} runs each:");
        foreach (var (name, run) in queries.Where(q => only is null || q.Name.Contains(only, StringComparison.Ordinal)))
        {
            var rows = await run(); // warm-up: plans, caches
            var latencies = new double[times];
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            for (var i = 0; i < times; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / times;
            Array.Sort(latencies);
            Console.WriteLine($"  {name,-32} {rows,8:N0} counters read  p50 {Percentiles.Of(latencies, 0.5),8:F1} ms  p99 {Percentiles.Of(latencies, 0.99),8:F1} ms" +
                              $"  CPU {cpu,7:F1} ms a query");
        }

        // Reports over every group are read a page at a time, as the service reads them (page size 100 unless given).
        async Task<int> RateAsync(AnalyticsQuery query, string? after = null, int size = AnalyticsService.DefaultPageSize)
        {
            (query, _) = await directory.PageAsync(tenant, query, ReturnRateReport.Presence, after, size, cancellationToken);
            var rows = await directory.ReadAsync(tenant, ReturnRateReport.Reads(query), cancellationToken);
            _ = ReturnRateReport.Build(query, rows);
            return rows.Count;
        }

        // As GetReturnRate ranks (order_by): every group of the range read and built, the first page kept.
        async Task<int> RankedAsync(AnalyticsQuery query, RateOrder order)
        {
            var rows = await directory.ReadAsync(tenant, ReturnRateReport.Reads(query), cancellationToken);
            _ = ReturnRateRanking.Top(ReturnRateReport.Build(query, rows), order, minUnitsSold: 100, AnalyticsService.DefaultPageSize);
            return rows.Count;
        }

        // As GetReturnReasons ranks (order_by): every group of the range and the period before read and built, the first page kept.
        async Task<int> RankedReasonsAsync(AnalyticsQuery query)
        {
            var rows = await directory.ReadAsync(tenant, ReturnReasonsReport.Reads(query), cancellationToken);
            _ = ReturnReasonsRanking.Top(ReturnReasonsReport.Build(query, rows, ReturnReasonsReport.DefaultTop), ReasonsOrder.UnitsReturned,
                AnalyticsService.DefaultPageSize);
            return rows.Count;
        }

        async Task<int> ResolutionAsync(AnalyticsQuery query)
        {
            var rows = await directory.ReadAsync(tenant, ResolutionReport.Reads(query), cancellationToken);
            _ = ResolutionReport.Build(query, rows);
            return rows.Count;
        }

        async Task<int> DispositionsAsync(AnalyticsQuery query, int size = AnalyticsService.DefaultPageSize)
        {
            (query, _) = await directory.PageAsync(tenant, query, DispositionMixReport.Presence, null, size, cancellationToken);
            var rows = await directory.ReadAsync(tenant, DispositionMixReport.Reads(query), cancellationToken);
            _ = DispositionMixReport.Build(query, rows);
            return rows.Count;
        }

        async Task<int> RiskAsync(RiskQuery query)
        {
            var rows = await directory.ReadAsync(tenant, [CustomerRiskReport.Reads(query)], cancellationToken);
            _ = CustomerRiskReport.Build(query, rows);
            return rows.Count;
        }

        // As CustomerHistories reads it on every CreateReturn.
        async Task<int> HistoryAsync(string customer, DayRange window)
        {
            var range = CustomerRiskReport.History(customer, window);
            var days = await store.ReadCountersAsync(
                new CounterQuery(tenant, ReturnOutcomes.CustomerReturnsByCustomer, [new CounterRange(range.From, range.To)]), cancellationToken);
            _ = days.Sum(d => d.Value);
            return days.Count;
        }

        async Task<int> ReasonsAsync(AnalyticsQuery query, int size = AnalyticsService.DefaultPageSize)
        {
            (query, _) = await directory.PageAsync(tenant, query, ReturnReasonsReport.Presence, null, size, cancellationToken);
            var rows = await directory.ReadAsync(tenant, ReturnReasonsReport.Reads(query), cancellationToken);
            _ = ReturnReasonsReport.Build(query, rows, ReturnReasonsReport.DefaultTop);
            return rows.Count;
        }
    }

    /// <summary>
    /// What <see cref="ReturnGrain.CreateAsync"/> commits for a new return: its state, its created event and timeline, the
    /// idempotency record of the request (the gzipped state, as the grain records its result) and its index entries; with
    /// <paramref name="counters"/> or none. Made before a round's clock starts, as the grain makes it before the store's turn.
    /// </summary>
    private static ActorCommit CreateReturnCommit(string tenant, string id, ReturnRecord record, IReadOnlyList<CounterDelta>? counters)
    {
        var state = JsonSerializer.Serialize(record, DomainJson.Options);
        var ticket = new IdempotencyTicket(tenant, "req-" + id, "/reverselogistics.v1.ReturnsService/CreateReturn", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id))));
        var idempotency = ticket.Record(new { TenantId = tenant, ReturnId = id, State = new StateJson(state) }, record.CreatedAt);
        NewEvent created = new(ReturnGrain.CreatedEvent, JsonSerializer.Serialize(new { To = ReturnState.Requested }, DomainJson.Options), "Bench", record.CreatedAt);
        List<NewEvent> events = [created, .. record.Rma.Timeline.Select(e => new NewEvent(e.Trigger.ToString(),
            JsonSerializer.Serialize(new { e.From, e.To, e.Details }, DomainJson.Options), e.Actor, e.At))];
        return new ActorCommit(new ActorKey(tenant, ReturnGrain.TypeName, id), 0, 0, state, events, idempotency, ReturnIndex.Of(id, record), counters);
    }

    private static double Median(List<double> values) => Percentiles.Of([.. values.Order()], 0.5);

    /// <summary>What <paramref name="kind"/>'s counters add to a commit's <paramref name="figure"/>, in percent of a commit with none.</summary>
    private static double Added(Func<CounterKind, double> figure, CounterKind kind) => (figure(kind) / figure(CounterKind.None) - 1) * 100;

    /// <summary>Where PostgreSQL's WAL is being written, in bytes from its start.</summary>
    private sealed class WalPosition(string connectionString)
    {
        public async Task<long> ReadAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }

    /// <summary>What a commit-cost round commits with each new return: no counters, those of the returns facet, those of every facet.</summary>
    private enum CounterKind { None, ReturnsFacet, EveryFacet }

    /// <summary>CreateReturn's commits (<see cref="CreateReturnCommit"/>) with no counters, the returns facet's or every facet's, rotated in rounds.</summary>
    private static async Task TimeCommitsAsync(IActorStore store, string? postgres, string tenant, Shape shape, int perRound, int rounds,
        CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var day = new DateOnly(2026, 12, 31);
        var kinds = Enum.GetValues<CounterKind>();
        var measured = kinds.ToDictionary(k => k, _ => (Seconds: 0.0, CpuSeconds: 0.0, ServerCpuSeconds: 0.0, Commits: 0));
        // PostgreSQL's WAL bytes a commit: the rows and index entries it wrote, steadier from round to round than CPU, which
        // checkpoints and autovacuum move (full-page images after a checkpoint land in whichever round follows it).
        var walBytes = kinds.ToDictionary(k => k, _ => new List<double>());
        var wal = postgres is null ? null : new WalPosition(postgres);
        var roundCpu = kinds.ToDictionary(k => k, _ => new List<double>()); // µs a commit, each round: how far rounds of one kind spread
        var server = store is SqliteActorStore ? null : LocalPostgresCpu.Find();
        var process = Process.GetCurrentProcess();
        var serial = 0;
        var run = Guid.NewGuid().ToString("N")[..6]; // a reused year keeps the returns (and customers) of earlier runs
        Console.WriteLine($"commit cost: {rounds} rounds of {perRound:N0} new returns of each kind (no counters, returns facet, every facet), 256 commits in flight:");
        // Round 0 warms up (JIT, caches, the page cache of the indexes) and is not counted: the first measured round of any
        // kind ran up to 60 % dearer than the rest.
        for (var round = -1; round < rounds * kinds.Length; round++)
        {
            var kind = round < 0 ? CounterKind.EveryFacet : kinds[(round + round / kinds.Length) % kinds.Length]; // rotated, so no kind always goes first
            var records = Enumerable.Range(0, perRound).Select(_ => (Id: $"r-{run}-{serial++:D8}", Record: NewReturn(shape, random, day, $"c-{run}-{serial}"))).ToList();
            if (kind == CounterKind.ReturnsFacet) records.ForEach(r => r.Record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet]);
            var commits = records.Select(r => CreateReturnCommit(tenant, r.Id, r.Record,
                kind == CounterKind.None ? null : CounterDeltas.Of(null, ReturnAnalytics.Of(r.Record)))).ToList();
            var walBefore = wal is null ? 0 : await wal.ReadAsync(cancellationToken); // before the CPU readings: its query is not the round's
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var serverBefore = server?.Total() ?? TimeSpan.Zero;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(commits, new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = cancellationToken }, async (commit, token) =>
            {
                var result = await store.CommitAsync(commit, token);
                if (result.Outcome != CommitOutcome.Committed) throw new InvalidOperationException($"{commit.Key}: {result.Outcome}");
            });
            // The round's counters are folded into the table within the round, so it pays for them, not the next.
            if (store is SqliteActorStore sqlite) await sqlite.FoldCountersNowAsync();
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var serverCpu = ((server?.Total() ?? TimeSpan.Zero) - serverBefore).TotalSeconds;
            var walAfter = wal is null ? 0 : await wal.ReadAsync(cancellationToken);
            Console.WriteLine($"  round {round + 1}, {kind,-12}: {perRound / seconds,7:N0} commits/s, {cpu / perRound * 1e6,6:F0} µs of this process's CPU a commit" +
                              (server is null ? "" : $", {serverCpu / perRound * 1e6,6:F0} µs of the server's") + (round < 0 ? " (warm-up, not counted)" : ""));
            if (round < 0) continue;
            var sum = measured[kind];
            measured[kind] = (sum.Seconds + seconds, sum.CpuSeconds + cpu, sum.ServerCpuSeconds + serverCpu, sum.Commits + perRound);
            roundCpu[kind].Add((cpu + serverCpu) / perRound * 1e6);
            walBytes[kind].Add((double)(walAfter - walBefore) / perRound);
        }
        double Wall(CounterKind kind) => measured[kind].Seconds / measured[kind].Commits;
        // With a local PostgreSQL server, its processes' CPU counts too: that is where the counters' upserts run.
        double Cpu(CounterKind kind) => (measured[kind].CpuSeconds + measured[kind].ServerCpuSeconds) / measured[kind].Commits;
        double MedianCpu(CounterKind kind) => Median(roundCpu[kind]);
        foreach (var kind in kinds)
            Console.WriteLine($"  {kind,-12}: {Cpu(kind) * 1e6,6:F0} µs CPU, {Wall(kind) * 1e6,6:F0} µs wall a commit" +
                              (server is null ? "" : $" (the server's {measured[kind].ServerCpuSeconds / measured[kind].Commits * 1e6:F0} µs of it)") +
                              $"; its rounds {roundCpu[kind].Min():F0}–{roundCpu[kind].Max():F0} µs CPU, median {MedianCpu(kind):F0}");
        double MedianWal(CounterKind kind) => Median(walBytes[kind]);
        if (wal is not null)
            Console.WriteLine("WAL a commit, the rounds' median: " + string.Join(", ", kinds.Select(k => $"{k} {MedianWal(k):N0} B")) +
                              $"; the returns facet {Added(MedianWal, CounterKind.ReturnsFacet):F1} %, every facet {Added(MedianWal, CounterKind.EveryFacet):F1} %");
        // A checkpoint or the fold's page writes land in one round or another: the medians show the kinds apart from them.
        Console.WriteLine($"by the rounds' medians: the returns facet {Added(MedianCpu, CounterKind.ReturnsFacet):F1} %, " +
                          $"every facet {Added(MedianCpu, CounterKind.EveryFacet):F1} % CPU");
        Console.WriteLine($"the returns facet's counters add {Added(Cpu, CounterKind.ReturnsFacet):F1} % CPU and " +
                          $"{Added(Wall, CounterKind.ReturnsFacet):F1} % wall time to a commit; every facet's " +
                          $"{Added(Cpu, CounterKind.EveryFacet):F1} % and {Added(Wall, CounterKind.EveryFacet):F1} %; " +
                          $"the outcomes facet alone {(Cpu(CounterKind.EveryFacet) - Cpu(CounterKind.ReturnsFacet)) / Cpu(CounterKind.None) * 100:F1} % CPU" +
                          (store is SqliteActorStore ? " (the SQLite writer included)"
                              : server is null ? " (the PostgreSQL server's own CPU not included: its processes are not on this machine)"
                              : " (the PostgreSQL server's processes on this machine included)"));
    }
}

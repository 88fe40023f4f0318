using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Policies;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Routing;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Samples;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sqlite;

namespace ReverseLogistics.Bench;

/// <summary>
/// `seed-returns`: writes N returns of an existing tenant straight into an embedded data directory (no silo may run on
/// it), fast enough to fill it with a million. Each return is made as CreateReturn makes it, by the same code: the
/// request mapped from the benchmarks' sample (<see cref="SampleReturn"/>, with its own customer and order), validated,
/// checked against the tenant's stored policy, opened by the <see cref="Return"/> aggregate, routed by
/// <see cref="NetworkReturnRouter"/> over the stored network and committed through <see cref="SqliteActorStore.CommitAsync"/>
/// with the events and <see cref="ReturnIndex"/> entries the return grain commits. Many commits are in flight at once,
/// so group commit writes them in batches. Not written: idempotency records (the platform keeps those 48 hours, so a
/// store that took months to hold a million returns holds only the last two days' worth).
/// </summary>
public static class ReturnSeeder
{
    public static Command CreateCommand()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "The silo's data directory (no silo may be running on it)", Required = true };
        var count = new Option<int>("--count") { Description = "Returns to write", DefaultValueFactory = _ => 1_000_000 };
        var tenant = new Option<string>("--tenant") { Description = "The tenant the returns belong to; it must exist (create it through the API first)", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "Commits in flight at once", DefaultValueFactory = _ => 1024 };
        var idsOut = new Option<string?>("--ids-out") { Description = "File to write the new return ids to, one a line" };
        var command = new Command("seed-returns", "Writes N returns of an existing tenant into an embedded data directory, as CreateReturn makes them, without a silo")
        {
            dataDir, count, tenant, concurrency, idsOut,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var store = new SqliteActorStore(result.GetValue(dataDir)!);
            return await RunAsync(store, result.GetValue(tenant)!, result.GetValue(count), result.GetValue(concurrency), result.GetValue(idsOut),
                cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(SqliteActorStore store, string tenantId, int count, int concurrency, string? idsOut,
        CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        // What ReturnsService.CreateReturn reads before it calls the grain: the tenant's name and its policy (the default until one is set).
        if (await store.ReadAsync(new ActorKey(tenantId, TenantGrain.TypeName, tenantId), cancellationToken) is not { } tenantRecord)
        {
            Console.Error.WriteLine($"seed-returns: tenant '{tenantId}' does not exist in {store.DatabasePath}; create it through the API first");
            return 1;
        }
        var tenant = JsonSerializer.Deserialize<TenantState>(tenantRecord.State, DomainJson.Options)!;
        var policyRecord = await store.ReadAsync(new ActorKey(tenantId, ReturnPolicyGrain.TypeName, IReturnPolicyGrain.Id), cancellationToken);
        var policy = (policyRecord is null ? null : JsonSerializer.Deserialize<ReturnPolicyState>(policyRecord.State, DomainJson.Options)?.Policy)
            ?? ReturnPolicy.Default;

        // The silo's router over the stored network. Only previews are asked of it, which call no grain; a return it
        // routes to a real centre would need a booking there, which this seeder cannot make, so it stops instead.
        using var network = new NetworkSnapshot(store, new PlatformClock(TimeProvider.System), NullLogger<NetworkSnapshot>.Instance);
        var router = new NetworkReturnRouter(network, grains: null!);

        var ids = new string[count];
        var written = 0L;
        var clock = Stopwatch.StartNew();
        var sizeBefore = DatabaseBytes(store.DatabasePath);
        Console.WriteLine($"seed-returns: {count:N0} returns for tenant {tenantId} ('{tenant.DisplayName}') into {store.DatabasePath}, " +
                          $"{concurrency} commits in flight");
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                ids[i] = await CreateAsync(store, router, tenantId, tenant.DisplayName, policy, i, token);
                var done = Interlocked.Increment(ref written);
                if (done % 100_000 == 0 || done == count)
                    Console.WriteLine($"  {done,9:N0} written, {clock.Elapsed.TotalSeconds,6:F1} s, {done / clock.Elapsed.TotalSeconds,7:N0} returns/s");
            });
        clock.Stop();

        if (idsOut is not null) await File.WriteAllLinesAsync(idsOut, ids, cancellationToken);
        var grown = DatabaseBytes(store.DatabasePath) - sizeBefore;
        Console.WriteLine($"seed-returns: {count:N0} returns in {clock.Elapsed.TotalSeconds:F1} s = {count / clock.Elapsed.TotalSeconds:N0} returns/s, " +
                          $"{store.TransactionsCommitted:N0} transactions; database grew {grown / 1048576.0:N0} MiB ({(double)grown / count:N0} bytes a return)" +
                          (idsOut is null ? "" : $"; ids in {idsOut}"));
        return 0;
    }

    /// <summary>One return, as ReturnsService.CreateReturn and ReturnGrain.CreateAsync make and commit it.</summary>
    private static async Task<string> CreateAsync(IActorStore store, IReturnRouter router, string tenantId, string tenantName, ReturnPolicy policy,
        int i, CancellationToken cancellationToken)
    {
        var request = SampleReturn.New($"mem-cust-{i:D7}");
        request.Lines[0].OrderReference = $"SO-{i:D7}";
        var now = DateTime.UtcNow;
        var returnRequest = ReturnMapper.ToDomain(request.CustomerReference, request.CustomerAddress, request.Lines, request.RequestedResolution, request.ReturnMethod);
        ReturnRequestValidator.Validate(returnRequest);
        // Every customer is new, so the fraud check's count of their recent returns (CustomerHistories) is 0.
        var eligibility = ReturnEligibility.Check(policy, returnRequest, now, new CustomerHistory(0, request.CustomerFlagged));
        var draft = new ReturnDraft(returnRequest, request.CustomerAddress.Name, request.CustomerFlagged, policy, eligibility, tenantName);
        var returnId = ReturnIds.New(now);

        var record = new ReturnRecord();
        var rma = new Return(returnId, record);
        var change = rma.Open(draft, now);
        if (rma.Status == ReturnState.Approved)
        {
            var route = await router.PreviewAsync(RoutingSubject.Of(tenantId, returnId, record), now, cancellationToken);
            if (route.Destination is not null && !route.DefaultCentre)
                throw new InvalidOperationException($"Tenant '{tenantId}' has a fulfilment network: seed-returns cannot book centre capacity; seed a tenant without one.");
            change = change.Then(rma.Route(route, now));
        }
        record.UpdatedAt = now;

        // The events and index entries of ReturnGrain.CommitAsync (its Events: the timeline entries with their from, to and details).
        List<NewEvent> events = [.. change.Entries.Select(e => new NewEvent(e.Trigger.ToString(),
            JsonSerializer.Serialize(new { e.From, e.To, e.Details }, DomainJson.Options), e.Actor, e.At))];
        var state = JsonSerializer.Serialize(record, DomainJson.Options);
        // And its analytics counters, as StoreGrain moves them: all of what the new return contributes.
        var commit = new ActorCommit(new ActorKey(tenantId, ReturnGrain.TypeName, returnId), 0, 0, state, events, Index: ReturnIndex.Of(returnId, record),
            Counters: CounterDeltas.Of(null, ReturnAnalytics.Of(record)));
        var result = await store.CommitAsync(commit, cancellationToken);
        if (result.Outcome != CommitOutcome.Committed) throw new InvalidOperationException($"Committing return {returnId}: {result.Outcome}");
        return returnId;
    }

    /// <summary>The database with its write-ahead log.</summary>
    public static long DatabaseBytes(string databasePath) =>
        new[] { databasePath, databasePath + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);
}

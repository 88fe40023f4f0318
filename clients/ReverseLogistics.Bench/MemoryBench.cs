using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;
using ReverseLogistics.V1;

namespace ReverseLogistics.Bench;

/// <summary>
/// The API side of clients/bench/memory.sh: `wait-serving` waits for a silo's health, `seed-tenant` creates the tenant
/// (and its merchant key) that `seed-returns` fills, and `get-returns` activates returns by calling GetReturn on them.
/// </summary>
public static class MemoryBench
{
    public static IEnumerable<Command> CreateCommands()
    {
        var silo = new Option<string>("--silo") { Description = "The silo's host:port (h2c)", Required = true };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for the silo's health to answer SERVING", DefaultValueFactory = _ => 300 };

        var serving = new Command("wait-serving", "Waits until the silo's health answers SERVING; prints how long that took") { silo, wait };
        serving.SetAction(async (result, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var (ok, answer) = await Serving.UntilAsync(result.GetValue(silo)!, result.GetValue(wait), cancellationToken);
            Console.WriteLine(ok ? $"serving after {clock.Elapsed.TotalSeconds:F1} s" : $"not serving after {clock.Elapsed.TotalSeconds:F1} s: {answer}");
            return ok ? 0 : 1;
        });

        var tenant = new Option<string>("--tenant") { Description = "The tenant to create", Required = true };
        var keyOut = new Option<string>("--key-out") { Description = "File to write the merchant key's secret to", Required = true };
        var seedTenant = new Command("seed-tenant", "Creates a tenant with the highest rate limit and a merchant key through the API (operator key from RL_OPERATOR_KEY)")
        {
            silo, tenant, keyOut,
        };
        seedTenant.SetAction(async (result, cancellationToken) =>
        {
            if (Environment.GetEnvironmentVariable("RL_OPERATOR_KEY") is not { Length: > 0 } operatorKey)
            {
                Console.Error.WriteLine("seed-tenant: set RL_OPERATOR_KEY to the silo's operator key");
                return 2;
            }
            await SeedTenantAsync(result.GetValue(silo)!, operatorKey, result.GetValue(tenant)!, result.GetValue(keyOut)!, cancellationToken);
            return 0;
        });

        var ids = new Option<string>("--ids") { Description = "File of return ids, one a line (seed-returns --ids-out)", Required = true };
        var count = new Option<int>("--count") { Description = "Returns to get, each once, drawn at random from the file", DefaultValueFactory = _ => 100_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight at once", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random draw", DefaultValueFactory = _ => 42 };
        var getReturns = new Command("get-returns", "Calls GetReturn once on each of N returns (merchant key from RL_MERCHANT_KEY), activating them")
        {
            silo, ids, count, concurrency, seed,
        };
        getReturns.SetAction(async (result, cancellationToken) =>
        {
            if (Environment.GetEnvironmentVariable("RL_MERCHANT_KEY") is not { Length: > 0 } merchantKey)
            {
                Console.Error.WriteLine("get-returns: set RL_MERCHANT_KEY to the tenant's merchant key");
                return 2;
            }
            var drawn = Draw(await File.ReadAllLinesAsync(result.GetValue(ids)!, cancellationToken), result.GetValue(count), result.GetValue(seed));
            return await GetReturnsAsync(result.GetValue(silo)!, merchantKey, drawn, result.GetValue(concurrency), cancellationToken);
        });

        return [serving, seedTenant, getReturns];
    }


    private static async Task SeedTenantAsync(string address, string operatorKey, string tenantId, string keyOut, CancellationToken cancellationToken)
    {
        var tenant = await BenchTenant.CreateAsync(address, operatorKey, tenantId, "memory benchmark", cancellationToken);
        await File.WriteAllTextAsync(keyOut, tenant.MerchantKey, cancellationToken);
        Console.WriteLine($"seed-tenant: tenant {tenantId} and a merchant key ({keyOut})");
    }

    /// <summary><paramref name="count"/> distinct ids drawn at random (a partial Fisher-Yates shuffle), so the reads spread over the whole table.</summary>
    private static string[] Draw(string[] ids, int count, int seed)
    {
        if (count > ids.Length) throw new ArgumentException($"Only {ids.Length} ids to draw {count} from.", nameof(count));
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, ids.Length);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return ids[..count];
    }

    private static async Task<int> GetReturnsAsync(string address, string merchantKey, string[] ids, int concurrency, CancellationToken cancellationToken)
    {
        using var asMerchant = new PlatformClient(new PlatformClientOptions { Address = address, ApiKey = merchantKey, MaxAttempts = 1 });
        var failures = new ConcurrentDictionary<StatusCode, int>();
        var firstDetail = new ConcurrentDictionary<StatusCode, string>();
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (id, token) =>
        {
            try
            {
                var fetched = await asMerchant.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = id }, cancellationToken: token);
                if (fetched.ReturnId != id) throw new InvalidOperationException($"GetReturn {id} answered {fetched.ReturnId}");
            }
            catch (RpcException e)
            {
                failures.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
                firstDetail.TryAdd(e.StatusCode, e.Status.Detail);
            }
            var finished = Interlocked.Increment(ref done);
            if (finished % 20_000 == 0) Console.WriteLine($"  {finished,9:N0} got, {clock.Elapsed.TotalSeconds,6:F1} s");
        });
        clock.Stop();
        var failed = failures.Values.Sum();
        Console.WriteLine($"get-returns: {ids.Length:N0} GetReturn calls ({concurrency} in flight) in {clock.Elapsed.TotalSeconds:F1} s = " +
                          $"{ids.Length / clock.Elapsed.TotalSeconds:N0}/s, {failed:N0} failed" +
                          string.Concat(failures.Select(f => $"; {f.Key} {f.Value:N0} ({firstDetail[f.Key]})")));
        return failed == 0 ? 0 : 1;
    }
}

using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;
using ReverseLogistics.V1;

namespace ReverseLogistics.Bench;

/// <summary>
/// `watch-events`: how soon a merchant's WatchEvents stream sees a return that CreateReturn acknowledged. Against a
/// running silo (operator key from RL_OPERATOR_KEY) it makes a tenant, opens a watch from now, creates returns with
/// --concurrency callers, and times each return's `return.created` event against its CreateReturn's acknowledgement:
/// negative when the event arrived before the answer. Prints events/s on the stream and the delay's percentiles.
/// </summary>
public static class WatchEventsBenchmark
{
    public static Command CreateCommand()
    {
        var silo = new Option<string>("--silo") { Description = "The silo's host:port (h2c)", Required = true };
        var returns = new Option<int>("--returns") { Description = "Returns to create", DefaultValueFactory = _ => 5000 };
        var concurrency = new Option<int>("--concurrency") { Description = "CreateReturn calls in flight", DefaultValueFactory = _ => 32 };
        var command = new Command("watch-events", "Delay from an acknowledged CreateReturn to its event on a WatchEvents stream, and the stream's rate")
        {
            silo, returns, concurrency,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var operatorKey = Environment.GetEnvironmentVariable("RL_OPERATOR_KEY");
            if (string.IsNullOrEmpty(operatorKey))
            {
                Console.Error.WriteLine("watch-events: set RL_OPERATOR_KEY to the silo's operator key");
                return 2;
            }
            await RunAsync(result.GetValue(silo)!, operatorKey, result.GetValue(returns), result.GetValue(concurrency), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string silo, string operatorKey, int count, int concurrency, CancellationToken cancellationToken)
    {
        var tenant = await BenchTenant.CreateAsync(silo, operatorKey, BenchTenant.NewId("watch-"), "watch-events benchmark", cancellationToken);
        using var client = new PlatformClient(new PlatformClientOptions { Address = silo, ApiKey = tenant.MerchantKey });
        var seen = new ConcurrentDictionary<string, long>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watch = client.Events.WatchEvents(new WatchEventsRequest { FromNow = true, EventTypes = { "return.created" } },
            deadline: DateTime.MaxValue, cancellationToken: watching.Token);
        // The first heartbeat or event says the stream is open; the heartbeat comes only after 15 idle seconds, so
        // one return made before the run opens it.
        var first = await client.Returns.CreateReturnAsync(SampleReturn.New("watch-warmup"), cancellationToken: cancellationToken);
        if (!await watch.ResponseStream.MoveNext(cancellationToken) || watch.ResponseStream.Current.Event?.ReturnId != first.ReturnId)
            throw new InvalidOperationException("The watch did not start with the warm-up return's event.");

        var reader = Task.Run(async () =>
        {
            try
            {
                while (seen.Count < count && await watch.ResponseStream.MoveNext(watching.Token))
                {
                    if (watch.ResponseStream.Current.Event is { } e) seen.TryAdd(e.ReturnId, Stopwatch.GetTimestamp());
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }
        }, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var acknowledged = await AcknowledgedReturns.CreateAsync(client, count, concurrency, "watch", cancellationToken);
        await reader.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await watching.CancelAsync();

        var delays = acknowledged
            .Where(entry => seen.ContainsKey(entry.Key))
            .Select(entry => Stopwatch.GetElapsedTime(entry.Value, seen[entry.Key]).TotalMilliseconds)
            .Order()
            .ToList();
        Console.WriteLine($"watch-events: {count} returns by {concurrency} callers in {elapsed.TotalSeconds:F1} s; the stream saw " +
            $"{seen.Count} ({seen.Count / elapsed.TotalSeconds:F0} events/s), missing {acknowledged.Count - delays.Count}");
        Console.WriteLine($"  delay from acknowledgement to event, ms: p50 {Percentiles.Of(delays, 0.5):F1}  p99 {Percentiles.Of(delays, 0.99):F1}  max {delays[^1]:F1}  " +
            $"min {delays[0]:F1} (negative: the event came before the answer)");
    }
}

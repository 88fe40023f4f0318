using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;
using ReverseLogistics.V1;

namespace ReverseLogistics.Bench;

/// <summary>
/// `webhooks`: delivery to local receivers. Against a running silo started with --webhooks-allow-private (operator key
/// from RL_OPERATOR_KEY) it starts a receiver on 127.0.0.1 that answers 200, makes a tenant with --endpoints endpoints
/// on it (and, with --dead, one more on a port where nothing listens), creates --returns returns (at --rate a second) with --concurrency
/// callers, and times every delivery from its CreateReturn's acknowledgement to its arrival. Prints deliveries per
/// second and the delay's percentiles.
/// </summary>
public static class WebhookBenchmark
{
    public static Command CreateCommand()
    {
        var silo = new Option<string>("--silo") { Description = "The silo's host:port (h2c), started with --webhooks-allow-private", Required = true };
        var endpoints = new Option<int>("--endpoints") { Description = "Healthy endpoints", DefaultValueFactory = _ => 100 };
        var dead = new Option<bool>("--dead") { Description = "Add one endpoint where nothing listens (its deliveries keep failing)" };
        var returns = new Option<int>("--returns") { Description = "Returns to create (each records 3 events)", DefaultValueFactory = _ => 200 };
        var concurrency = new Option<int>("--concurrency") { Description = "CreateReturn calls in flight", DefaultValueFactory = _ => 8 };
        var rate = new Option<double>("--rate") { Description = "Returns created per second (0: as fast as the callers go)", DefaultValueFactory = _ => 0 };
        var command = new Command("webhooks", "Webhook deliveries per second to a local receiver and the delay from an acknowledged commit to delivery")
        {
            silo, endpoints, dead, returns, concurrency, rate,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var operatorKey = Environment.GetEnvironmentVariable("RL_OPERATOR_KEY");
            if (string.IsNullOrEmpty(operatorKey))
            {
                Console.Error.WriteLine("webhooks: set RL_OPERATOR_KEY to the silo's operator key");
                return 2;
            }
            await RunAsync(result.GetValue(silo)!, operatorKey, result.GetValue(endpoints), result.GetValue(dead), result.GetValue(returns),
                result.GetValue(concurrency), result.GetValue(rate), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string silo, string operatorKey, int endpointCount, bool dead, int count, int concurrency, double rate,
        CancellationToken cancellationToken)
    {
        var arrivals = new ConcurrentDictionary<(string Endpoint, string EventId), long>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hooks/{endpoint}", (string endpoint, HttpRequest request) =>
        {
            arrivals.TryAdd((endpoint, request.Headers["RL-Event-Id"].ToString()), Stopwatch.GetTimestamp());
            return Results.Ok();
        });
        await receiver.StartAsync(cancellationToken);
        var receiverUrl = receiver.Urls.First();

        var tenant = await BenchTenant.CreateAsync(silo, operatorKey, BenchTenant.NewId("hooks-"), "webhooks benchmark", cancellationToken);
        using var client = new PlatformClient(new PlatformClientOptions { Address = silo, ApiKey = tenant.MerchantKey });
        for (var i = 0; i < endpointCount; i++)
        {
            await client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest { Url = $"{receiverUrl}/hooks/h{i}" },
                cancellationToken: cancellationToken);
        }
        if (dead) await client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest { Url = "http://127.0.0.1:9/hooks/dead" },
            cancellationToken: cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var acknowledged = await AcknowledgedReturns.CreateAsync(client, count, concurrency, "hooks", cancellationToken, rate);
        var events = await AllEventsAsync(client, cancellationToken);
        var expected = events.Count * endpointCount;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (arrivals.Count < expected && Stopwatch.GetTimestamp() < deadline) await Task.Delay(50, cancellationToken);
        var lastArrival = arrivals.Values.DefaultIfEmpty(started).Max();

        var returnOf = events.ToDictionary(e => e.EventId, e => e.ReturnId);
        var delays = arrivals
            .Where(a => returnOf.ContainsKey(a.Key.EventId) && acknowledged.ContainsKey(returnOf[a.Key.EventId]))
            .Select(a => Stopwatch.GetElapsedTime(acknowledged[returnOf[a.Key.EventId]], a.Value).TotalMilliseconds)
            .Order()
            .ToList();
        var seconds = Stopwatch.GetElapsedTime(started, lastArrival).TotalSeconds;
        Console.WriteLine($"webhooks: {endpointCount} healthy endpoints{(dead ? " and 1 dead" : "")}, {count} returns ({events.Count} events) " +
            $"by {concurrency} callers{(rate > 0 ? $" at {rate:0.#}/s" : "")}; {arrivals.Count} of {expected} deliveries arrived in {seconds:F1} s ({arrivals.Count / seconds:F0}/s)");
        Console.WriteLine($"  delay from the CreateReturn's answer to delivery, ms: p50 {Percentiles.Of(delays, 0.5):F0}  p99 {Percentiles.Of(delays, 0.99):F0}  max {Percentiles.Of(delays, 1):F0}");
        await PrintDeliveryStatesAsync(client, cancellationToken);
        await receiver.StopAsync(cancellationToken);
    }

    /// <summary>Where the endpoints' latest deliveries stand: what to look at when some never arrived.</summary>
    private static async Task PrintDeliveryStatesAsync(PlatformClient client, CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        var request = new ListWebhookEndpointsRequest { PageSize = 100 };
        do
        {
            var page = await client.Webhooks.ListWebhookEndpointsAsync(request, cancellationToken: cancellationToken);
            endpoints.AddRange(page.Endpoints);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        var heads = new List<Delivery>();
        foreach (var endpoint in endpoints)
        {
            var latest = await client.Webhooks.ListDeliveriesAsync(new ListDeliveriesRequest { EndpointId = endpoint.EndpointId, PageSize = 1 },
                cancellationToken: cancellationToken);
            heads.AddRange(latest.Deliveries);
        }
        Console.WriteLine("  latest delivery per endpoint: " + string.Join(", ", heads.GroupBy(d => d.Status).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var failed in heads.Where(d => d.Status == DeliveryStatus.Failed).Take(3))
            Console.WriteLine($"    {failed.EventId}: {failed.Attempts} attempts, last answer {failed.LastResponseCode} {failed.LastError}, next {failed.NextAttemptTime}");
    }

    private static async Task<List<Event>> AllEventsAsync(PlatformClient client, CancellationToken cancellationToken)
    {
        var events = new List<Event>();
        var request = new ListEventsRequest { PageSize = 1000 };
        while (true)
        {
            var page = await client.Events.ListEventsAsync(request, cancellationToken: cancellationToken);
            events.AddRange(page.Events);
            if (page.AtEnd) return events;
            request.AfterPosition = page.NextAfterPosition;
        }
    }
}

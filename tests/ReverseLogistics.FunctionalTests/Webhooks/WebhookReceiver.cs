using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// A merchant's webhook receiver on 127.0.0.1 (a real HTTP/1.1 server on a free port): records every request and
/// answers as the test's script says (the status for the nth request, 0-based; a negative status never answers).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly CancellationTokenSource stopping = new();
    private Func<ReceivedWebhook, int, int> script;
    private int count;
    private int inFlight;
    private int mostInFlight;

    private WebhookReceiver(Func<ReceivedWebhook, int, int> script)
    {
        this.script = script;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/hooks", HandleAsync);
    }

    public string Url { get; private set; } = "";

    /// <summary>Every request so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedWebhook> Requests => [.. received];

    /// <summary>The event ids of the requests answered 2xx, in order.</summary>
    public IReadOnlyList<string> Delivered => [.. received.Where(r => r.Status is >= 200 and < 300).Select(r => r.EventId)];

    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedWebhook, int, int>? script = null)
    {
        var receiver = new WebhookReceiver(script ?? ((_, _) => 200));
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    /// <summary>The most requests it was ever handling at once: 1 when its sender never overlapped two deliveries.</summary>
    public int MostInFlight => Volatile.Read(ref mostInFlight);

    /// <summary>Answers from now on as <paramref name="next"/> says.</summary>
    public void Answer(Func<ReceivedWebhook, int, int> next) => script = next;

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var most = mostInFlight; now > most; most = mostInFlight) Interlocked.CompareExchange(ref mostInFlight, now, most);
        try
        {
            await RecordAndAnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task RecordAndAnswerAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var request = new ReceivedWebhook(
            context.Request.Headers["RL-Event-Id"].ToString(), context.Request.Headers["RL-Event-Type"].ToString(),
            context.Request.Headers["RL-Signature"].ToString(), context.Request.ContentType ?? "", body,
            JsonParser.Default.Parse<Event>(Encoding.UTF8.GetString(body)));
        var status = script(request, Interlocked.Increment(ref count) - 1);
        request.Status = status;
        received.Enqueue(request);
        if (status < 0)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default); // until the sender gives up
            return;
        }
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}

/// <summary>One request the receiver got, and the status it answered (negative: none).</summary>
public sealed record ReceivedWebhook(string EventId, string EventType, string Signature, string ContentType, byte[] Body, Event Event)
{
    public int Status { get; set; }

    /// <summary>
    /// Verifies RL-Signature as docs/webhooks.md tells a receiver to: HMAC-SHA256 of "t.body" with the secret, compared
    /// in constant time, and t within five minutes of now.
    /// </summary>
    public bool SignedWith(string secret)
    {
        var parts = Signature.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        if (!long.TryParse(parts["t"].FirstOrDefault(), out var t) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t) > 300) return false;
        var signed = Encoding.UTF8.GetBytes($"{t}.").Concat(Body).ToArray();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return parts["v1"].Any(v => v.Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(v), expected));
    }
}

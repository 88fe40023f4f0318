using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using ReverseLogistics.Domain.Webhooks;
using ReverseLogistics.Grains.Webhooks;
using ReverseLogistics.Silo.Events;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>
/// Sends one event to a receiver: the public Event as protobuf JSON, POSTed with the RL-* headers and the signature,
/// through the "webhooks" HTTP client (no redirects, no proxy, private addresses refused at connect time). Any answer
/// but 2xx, a timeout or a connection error is a failed attempt, never an exception.
/// </summary>
public sealed class WebhookPublisher(IHttpClientFactory clients, SiloOptions options, TimeProvider time, ILogger<WebhookPublisher> logger)
    : IWebhookPublisher
{
    public const string ClientName = "webhooks";
    private const int MaxErrorLength = 500;

    public string? PublicType(StoredEvent stored) => EventCatalog.PublicName(stored.StreamType, stored.Type);

    public async Task<WebhookAttempt> SendAsync(Uri url, string secret, StoredEvent stored)
    {
        var published = EventMapper.ToProto(stored) ?? throw new ArgumentException($"Event {stored.Position} is not public.", nameof(stored));
        var body = Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(published));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("RL-Event-Id", published.EventId);
        request.Headers.Add("RL-Event-Type", published.Type);
        // Real time, not the platform's business clock: receivers compare it with their own clocks.
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));

        using var timeout = new CancellationTokenSource(options.WebhookTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new WebhookAttempt(true, code, null) : new WebhookAttempt(false, code, $"HTTP {code}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Failed(url, stored, $"no answer within {options.WebhookTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(url, stored, e.InnerException is WebhookAddressException refused ? refused.Message : e.Message);
        }
    }

    private WebhookAttempt Failed(Uri url, StoredEvent stored, string error)
    {
        logger.LogDebug("Webhook delivery of evt_{Position} to {Url} failed: {Error}", stored.Position, url, error);
        return new WebhookAttempt(false, null, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
    }
}

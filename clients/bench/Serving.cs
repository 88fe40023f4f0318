using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using ReverseLogistics.Client;

namespace ReverseLogistics.Samples;

/// <summary>Shared by the benchmark tools (linked into each): waiting for a silo to serve before measuring it.</summary>
internal static class Serving
{
    /// <summary>Asks the silo's health until it answers SERVING, for at most <paramref name="seconds"/>; the last answer.</summary>
    public static async Task<(bool Serving, string Answer)> UntilAsync(string address, double seconds, CancellationToken cancellationToken)
    {
        using var client = new PlatformClient(new PlatformClientOptions { Address = address, MaxAttempts = 1 });
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (true)
        {
            string answer;
            try
            {
                var health = await client.Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
                if (health.Status == HealthCheckResponse.Types.ServingStatus.Serving) return (true, health.Status.ToString());
                answer = health.Status.ToString();
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
            {
                answer = $"{e.StatusCode} ({e.Status.Detail})";
            }
            if (Stopwatch.GetTimestamp() >= until) return (false, answer);
            await Task.Delay(200, cancellationToken);
        }
    }
}

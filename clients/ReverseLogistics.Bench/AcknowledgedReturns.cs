using System.Collections.Concurrent;
using System.Diagnostics;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;

namespace ReverseLogistics.Bench;

/// <summary>
/// Returns created by a number of callers, each noted with when its CreateReturn was answered (Stopwatch timestamp):
/// as fast as the callers go, or, with <c>perSecond</c>, the i-th no sooner than i / perSecond seconds after the start.
/// </summary>
internal static class AcknowledgedReturns
{
    public static async Task<IReadOnlyDictionary<string, long>> CreateAsync(PlatformClient client, int count, int concurrency, string customerPrefix,
        CancellationToken cancellationToken, double perSecond = 0)
    {
        var acknowledged = new ConcurrentDictionary<string, long>();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                if (perSecond > 0)
                {
                    var wait = TimeSpan.FromSeconds(index / perSecond) - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                }
                var created = await client.Returns.CreateReturnAsync(SampleReturn.New($"{customerPrefix}-{worker}"), cancellationToken: cancellationToken);
                acknowledged[created.ReturnId] = Stopwatch.GetTimestamp();
            }
        }, cancellationToken)));
        return acknowledged;
    }
}

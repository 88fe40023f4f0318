using System.Collections.Concurrent;
using System.Diagnostics;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;

namespace ReverseLogistics.Bench;

/// <summary>Returns created by a number of callers, each noted with when its CreateReturn was answered (Stopwatch timestamp).</summary>
internal static class AcknowledgedReturns
{
    public static async Task<IReadOnlyDictionary<string, long>> CreateAsync(PlatformClient client, int count, int concurrency, string customerPrefix,
        CancellationToken cancellationToken)
    {
        var acknowledged = new ConcurrentDictionary<string, long>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var created = await client.Returns.CreateReturnAsync(SampleReturn.New($"{customerPrefix}-{worker}"), cancellationToken: cancellationToken);
                acknowledged[created.ReturnId] = Stopwatch.GetTimestamp();
            }
        }, cancellationToken)));
        return acknowledged;
    }
}

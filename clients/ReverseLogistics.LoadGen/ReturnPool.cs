using System.Diagnostics;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;
using ReverseLogistics.V1;

namespace ReverseLogistics.LoadGen;

/// <summary>A return made before the load, as it was made; <see cref="Centre"/> is its centre's index in the run's network (0 without one).</summary>
internal sealed record PooledReturn(string ReturnId, string TrackingNumber, int Centre, ReturnStatus Status);

/// <summary>
/// Returns created before the measured window, concurrently, and left out of the figures: what `handheld`,
/// `schedule-pickups` and `get-returns` act on. Each is the benchmarks' sample return (carrier pickup); with a network,
/// return i carries the category of centre i modulo the number of centres, and setup fails unless it was routed there
/// and labelled. (Without one it goes wherever the silo's network sends a tenant without a contract: labelled for the
/// default centre when the 3PL has no network at all, approved without a label otherwise.)
/// </summary>
internal sealed class ReturnPool
{
    private int next = -1;

    private ReturnPool(IReadOnlyList<PooledReturn> returns) => Returns = returns;

    public IReadOnlyList<PooledReturn> Returns { get; }

    /// <summary>A return no operation has taken yet; null once every one has been taken.</summary>
    public PooledReturn? Take()
    {
        var i = Interlocked.Increment(ref next);
        return i < Returns.Count ? Returns[i] : null;
    }

    /// <summary>The returns one after another, round and round: for reads, which leave them as they are.</summary>
    public PooledReturn Next() => Returns[(int)((uint)Interlocked.Increment(ref next) % (uint)Returns.Count)];

    public static async Task<ReturnPool> CreateAsync(PlatformClient merchant, int count, int concurrency, LoadNetwork? network,
        TextWriter output, CancellationToken cancellationToken)
    {
        var created = new PooledReturn[count];
        var taken = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref taken)) < count)
            {
                var centre = network is null ? 0 : i % network.Centres.Count;
                var request = SampleReturn.New($"lg-pool-{i}");
                request.RequestId = Guid.NewGuid().ToString("N");
                if (network is not null) request.Lines[0].Category = LoadNetwork.CategoryOf(centre);
                var made = await merchant.Returns.CreateReturnAsync(request, cancellationToken: cancellationToken);
                if (network is not null && (made.Status != ReturnStatus.LabelIssued || made.DestinationFulfillmentCenterId != network.Centres[centre]))
                    throw new LoadSetupException($"pre-created return {made.ReturnId} is {made.Status} for centre '{made.DestinationFulfillmentCenterId}', " +
                        $"not labelled for '{network.Centres[centre]}': {made.Routing?.Explanation}");
                created[i] = new PooledReturn(made.ReturnId, made.TrackingNumber, centre, made.Status);
            }
        }, cancellationToken)));
        var seconds = Figures.Seconds(start, Stopwatch.GetTimestamp());
        output.WriteLine($"setup: pre-created {count} returns in {Figures.F(seconds, 1)} s ({Figures.F(count / seconds)}/s, {Math.Min(concurrency, count)} at a time; not in the figures)");
        return new ReturnPool(created);
    }
}

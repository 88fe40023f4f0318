using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Network;

/// <summary>Centres' booked units per day as the returns' commits counted them, of every merchant together (docs/analytics.md).</summary>
public static class CenterBookingCounters
{
    private const int RangesPerQuery = 100;
    private const int PageSize = 10_000;

    /// <summary>Units per day from <paramref name="first"/> on, per centre of <paramref name="centerIds"/> (a centre without any is left out).</summary>
    public static async Task<Dictionary<string, Dictionary<DateOnly, int>>> ReadAsync(
        IActorStore store, IEnumerable<string> centerIds, DateOnly first, CancellationToken cancellationToken)
    {
        var loads = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        foreach (var chunk in centerIds.Chunk(RangesPerQuery))
        {
            var ranges = chunk.Select(id => CenterCounters.From(id, first)).Select(r => new CounterRange(r.From, r.To)).ToList();
            await foreach (var counter in store.ReadAllCountersAsync(new CounterQuery(null, CenterCounters.Bookings, ranges, PageSize), cancellationToken))
            {
                var (centerId, day) = CenterCounters.ParseDayKey(counter.Key);
                var days = loads.TryGetValue(centerId, out var held) ? held : loads[centerId] = [];
                days[day] = checked(days.GetValueOrDefault(day) + (int)counter.Value);
            }
        }
        return loads;
    }
}

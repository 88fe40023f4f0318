using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>
/// Which of the due endpoints a dispatcher round calls. An endpoint due because it is idle is called only when its
/// tenant's event log moved since the last round (events committed through any node), when its due time changed (a
/// retry fell due, or it was re-enabled) or when its last call failed; every <see cref="SweepEvery"/>-th round calls
/// them all, as a safety net. So idle endpoints cost one position query per tenant a round, not a call each. Each
/// round starts further along the list, so that the endpoints queued last are not always the same ones.
/// </summary>
public sealed class DispatchRound
{
    public const int SweepEvery = 60;
    private Dictionary<string, long> tenantPositions = new(StringComparer.Ordinal);
    private Dictionary<ActorKey, DateTime> dueTimes = [];
    private long rounds;

    /// <summary>The endpoints to call, and for each whether its tenant's log moved (then even a running call is followed by another).</summary>
    /// <param name="due">The endpoints due now, with their due times.</param>
    /// <param name="positions">Each of their tenants' latest event position.</param>
    /// <param name="failed">Whether an endpoint's last call failed.</param>
    public IReadOnlyList<(ActorKey Key, bool LogMoved)> Select(IReadOnlyList<DueActor> due, IReadOnlyDictionary<string, long> positions,
        Func<ActorKey, bool> failed)
    {
        var sweep = rounds % SweepEvery == 0;
        var start = due.Count == 0 ? 0 : (int)(rounds % due.Count);
        rounds++;
        var moved = positions.Where(p => !tenantPositions.TryGetValue(p.Key, out var seen) || seen != p.Value).Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);
        var selected = new List<(ActorKey, bool)>();
        var seenDueTimes = new Dictionary<ActorKey, DateTime>();
        for (var i = 0; i < due.Count; i++)
        {
            var (key, dueAt) = due[(start + i) % due.Count];
            seenDueTimes[key] = dueAt;
            var logMoved = moved.Contains(key.TenantId);
            if (failed(key) | sweep || logMoved || !dueTimes.TryGetValue(key, out var before) || before != dueAt) selected.Add((key, logMoved));
        }
        tenantPositions = new Dictionary<string, long>(positions, StringComparer.Ordinal);
        dueTimes = seenDueTimes;
        return selected;
    }
}

namespace ReverseLogistics.Storage.GroupCommit;

/// <summary>What a batch's written commits moved one counter by, all together.</summary>
internal readonly record struct CounterSum(string TenantId, string Name, string Key, long Delta)
{
    /// <summary>
    /// The deltas of <paramref name="written"/> (the batch's commits that won) summed per counter, those that cancel out
    /// left out, in no particular order: a batch writes each counter once, however many of its commits move it. PostgreSQL's
    /// upsert orders its rows itself; SQLite's log row is summed again when folded.
    /// </summary>
    public static List<CounterSum> Of(IEnumerable<ActorCommit> written)
    {
        var sums = new Dictionary<(string TenantId, string Name, string Key), long>();
        foreach (var commit in written)
        {
            if (commit.Counters is not { Count: > 0 } counters) continue;
            foreach (var delta in counters)
            {
                var counter = (commit.Key.TenantId, delta.Name, delta.Key);
                sums[counter] = checked(sums.GetValueOrDefault(counter) + delta.Delta);
            }
        }
        return [.. sums.Where(sum => sum.Value != 0).Select(sum => new CounterSum(sum.Key.TenantId, sum.Key.Name, sum.Key.Key, sum.Value))];
    }
}

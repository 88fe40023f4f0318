namespace ReverseLogistics.Storage.GroupCommit;

/// <summary>What a batch's written commits moved one counter by, all together.</summary>
internal readonly record struct CounterSum(string TenantId, string Name, string Key, long Delta)
{
    /// <summary>
    /// The deltas of <paramref name="written"/> (the batch's commits that won) summed per counter, those that cancel out
    /// left out, in (tenant, name, key) order (<see cref="InKeyOrder"/>): a batch writes each counter once, however many of its commits move it.
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
        var ordered = sums.Where(sum => sum.Value != 0).Select(sum => new CounterSum(sum.Key.TenantId, sum.Key.Name, sum.Key.Key, sum.Value)).ToList();
        ordered.Sort(InKeyOrder);
        return ordered;
    }

    /// <summary>(tenant, name, key) in the databases' order of text (<see cref="CodePointOrder"/>).</summary>
    public static readonly Comparison<CounterSum> InKeyOrder = (a, b) =>
    {
        var order = CodePointOrder.Instance.Compare(a.TenantId, b.TenantId);
        if (order == 0) order = CodePointOrder.Instance.Compare(a.Name, b.Name);
        return order != 0 ? order : CodePointOrder.Instance.Compare(a.Key, b.Key);
    };
}

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>The firings of <see cref="RecordingJob"/> for one test, and a wait (on a signal, never a sleep) for the n-th.</summary>
public sealed class RecordedRun(string id)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly object gate = new();
    private readonly List<Firing> firings = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];

    public string Id { get; } = id;

    public IReadOnlyList<Firing> Firings
    {
        get { lock (gate) return [.. firings]; }
    }

    public void Record(Firing firing)
    {
        lock (gate)
        {
            firings.Add(firing);
            foreach (var waiter in waiters.Where(w => firings.Count >= w.Count)) waiter.Reached.TrySetResult();
        }
    }

    /// <summary>Completes once <paramref name="count"/> firings are recorded; fails after a generous timeout.</summary>
    public Task WaitForAsync(int count)
    {
        lock (gate)
        {
            if (firings.Count >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task.WaitAsync(Patience);
        }
    }
}

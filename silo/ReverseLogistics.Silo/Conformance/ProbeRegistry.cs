using System.Collections.Concurrent;
using ReverseLogistics.Testing.V1;

namespace ReverseLogistics.Silo.Conformance;

/// <summary>Records how held calls ended, so a test can ask whether cancellation reached the handler.</summary>
public sealed class ProbeRegistry
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Probe.Types.Outcome>> _probes = new();

    public void Record(string probeId, Probe.Types.Outcome outcome)
    {
        if (probeId.Length > 0) Entry(probeId).TrySetResult(outcome);
    }

    /// <summary>Waits until the probe has an outcome (the call may not even have started yet).</summary>
    public Task<Probe.Types.Outcome> WaitAsync(string probeId, CancellationToken cancellationToken) =>
        Entry(probeId).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<Probe.Types.Outcome> Entry(string probeId) =>
        _probes.GetOrAdd(probeId, _ => new TaskCompletionSource<Probe.Types.Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
}

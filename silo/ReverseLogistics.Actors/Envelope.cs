using System.Diagnostics;

namespace ReverseLogistics.Actors;

/// <summary>
/// One queued message: the turn to run and where its caller waits. The outcome is recorded
/// first and published by <see cref="Reply"/> once the activation has finished the turn.
/// </summary>
internal abstract class Envelope(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The caller's trace span, so the turn's work (its commit, say) joins the caller's trace.</summary>
    public Activity? CallerActivity { get; } = Activity.Current;

    /// <summary>Runs the turn on <paramref name="actor"/> and records its result; throws what the turn threw.</summary>
    public abstract Task RunAsync(Actor actor);

    public abstract void Fail(Exception exception);

    public abstract void Cancel();

    /// <summary>Hands the recorded outcome to the caller.</summary>
    public abstract void Reply();
}

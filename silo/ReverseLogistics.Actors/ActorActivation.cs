using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>
/// One actor in memory: a bounded mailbox drained by a single loop, one turn at a time.
/// <c>pending</c> counts accepted messages until their turn ends, so "idle" (pending is 0) and
/// "closing" are decided under one lock: a message is either accepted before closing, and then
/// served before the activation goes, or refused, and then its sender waits for
/// <see cref="Deactivated"/> and posts to a fresh activation.
/// </summary>
internal sealed class ActorActivation
{
    private readonly ActorRuntime runtime;
    private readonly object gate = new();
    private readonly Channel<Envelope> mailbox;
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Actor? actor; // only touched by the turn loop, then by CloseAsync once the loop has ended
    private long notifiedVersion;
    private int pending;
    private bool closing;
    private DateTimeOffset lastActive;
    private Task? loop;

    public ActorActivation(ActorRuntime runtime, ActorKey key, Type actorType)
    {
        this.runtime = runtime;
        Key = key;
        ActorType = actorType;
        mailbox = Channel.CreateBounded<Envelope>(new BoundedChannelOptions(runtime.Options.MailboxCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lastActive = runtime.Time.GetUtcNow();
    }

    public ActorKey Key { get; }

    public Type ActorType { get; }

    /// <summary>Completes once the activation has left the directory.</summary>
    public Task Deactivated => deactivated.Task;

    public int QueuedCount => mailbox.Reader.Count;

    /// <summary>Queues the message, waiting while the mailbox is full; false when the activation is closing.</summary>
    public async Task<bool> TryPostAsync(Envelope envelope)
    {
        lock (gate)
        {
            if (closing || runtime.IsDisposed) return false;
            pending++;
            loop ??= StartLoop();
        }

        try
        {
            await mailbox.Writer.WriteAsync(envelope, envelope.CancellationToken);
            return true;
        }
        catch
        {
            Release();
            throw;
        }
    }

    public void NotifyChanged(long version)
    {
        lock (gate) notifiedVersion = Math.Max(notifiedVersion, version);
    }

    /// <summary>Starts closing when idle since before <paramref name="idleCutoff"/>, or unconditionally when it is null (shutdown: queued turns still run).</summary>
    public bool TryBeginClose(DateTimeOffset? idleCutoff)
    {
        lock (gate)
        {
            if (closing) return false;
            if (idleCutoff is { } cutoff && (pending > 0 || lastActive >= cutoff)) return false;
            closing = true;
            if (pending == 0) mailbox.Writer.TryComplete();
            return true;
        }
    }

    /// <summary>After <see cref="TryBeginClose"/>: lets the loop drain, deactivates the actor and leaves the directory.</summary>
    public async Task CloseAsync()
    {
        if (loop is not null) await loop;
        if (actor is not null)
        {
            try
            {
                await actor.DeactivateAsync();
            }
            catch (Exception exception)
            {
                runtime.Logger.DeactivationFailed(exception, Key.ActorType, Key.TenantId, Key.Id);
            }

            runtime.Logger.Deactivated(Key.ActorType, Key.TenantId, Key.Id);
        }

        runtime.Remove(this);
        deactivated.TrySetResult();
    }

    private Task StartLoop()
    {
        // Turns must not inherit the AsyncLocals of whichever caller happened to start the loop.
        if (ExecutionContext.IsFlowSuppressed()) return Task.Run(RunAsync);
        using (ExecutionContext.SuppressFlow()) return Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        await foreach (var envelope in mailbox.Reader.ReadAllAsync())
        {
            await ProcessAsync(envelope);
            runtime.CountTurn(Key.ActorType);
            Release();
            envelope.Reply(); // after Release: a caller that has its answer sees the actor idle
        }
    }

    private void Release()
    {
        var now = runtime.Time.GetUtcNow();
        lock (gate)
        {
            pending--;
            lastActive = now;
            if (closing && pending == 0) mailbox.Writer.TryComplete();
        }
    }

    /// <summary>Runs one message and records its outcome; never throws.</summary>
    private async Task ProcessAsync(Envelope envelope)
    {
        if (envelope.CancellationToken.IsCancellationRequested)
        {
            envelope.Cancel();
            return;
        }

        var maxRetries = runtime.Options.MaxConflictRetries;
        for (var attempt = 0; ; attempt++)
        {
            Actor current;
            try
            {
                current = await EnsureLoadedAsync(envelope.CancellationToken);
            }
            catch (Exception exception)
            {
                runtime.Logger.LoadFailed(exception, Key.ActorType, Key.TenantId, Key.Id);
                envelope.Fail(new ActorActivationException(Key, exception));
                return;
            }

            current.BeginTurn();
            try
            {
                await envelope.RunAsync(current);
                return;
            }
            catch (ActorConflictException) when (current.ConflictedThisTurn && !current.CommittedThisTurn && attempt < maxRetries)
            {
                runtime.Logger.RetryingConflict(Key.ActorType, Key.TenantId, Key.Id, attempt + 1, maxRetries);
            }
            catch (Exception exception)
            {
                current.IsStale = true; // the turn may have changed State before failing
                envelope.Fail(exception);
                return;
            }
        }
    }

    private async Task<Actor> EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (actor is null)
        {
            var created = (Actor)ActivatorUtilities.CreateInstance(runtime.Services, ActorType);
            created.Bind(Key, runtime.Store, runtime.Time);
            await created.LoadAsync(cancellationToken);
            await created.ActivateAsync(cancellationToken);
            actor = created;
            runtime.Logger.Activated(Key.ActorType, Key.TenantId, Key.Id, created.LoadedVersion);
        }
        else if (actor.IsStale || Volatile.Read(ref notifiedVersion) > actor.LoadedVersion)
        {
            await actor.LoadAsync(cancellationToken);
            runtime.Logger.Reloaded(Key.ActorType, Key.TenantId, Key.Id, actor.LoadedVersion);
        }

        return actor;
    }
}

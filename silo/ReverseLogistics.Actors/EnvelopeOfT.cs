using System.Diagnostics;

namespace ReverseLogistics.Actors;

internal sealed class Envelope<TActor, TResult>(Func<TActor, Task<TResult>> turn, CancellationToken cancellationToken)
    : Envelope(cancellationToken)
    where TActor : Actor
{
    private readonly TaskCompletionSource<TResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? result;
    private Exception? error;
    private bool canceled;

    public Task<TResult> Completion => completion.Task;

    public override async Task RunAsync(Actor actor)
    {
        Activity.Current = CallerActivity;
        result = await turn((TActor)actor);
    }

    public override void Fail(Exception exception) => error = exception;

    public override void Cancel() => canceled = true;

    public override void Reply()
    {
        if (error is not null) completion.TrySetException(error);
        else if (canceled) completion.TrySetCanceled(CancellationToken);
        else completion.TrySetResult(result!);
    }
}

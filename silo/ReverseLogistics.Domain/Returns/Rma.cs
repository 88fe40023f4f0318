using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// A return's lifecycle applied to its state: each move is checked against
/// <see cref="ReturnTransitions"/> and recorded on the timeline. No I/O: the return actor persists the state.
/// </summary>
public sealed class Rma(RmaState state)
{
    public RmaState State { get; } = state;
    public ReturnState Current => State.State;
    public IReadOnlyList<TimelineEntry> Timeline => State.Timeline;

    /// <summary>A new return in state requested, expecting these quantities per line.</summary>
    public static Rma Open(IReadOnlyList<int> expectedQuantities) =>
        new(new RmaState { ExpectedQuantities = [.. expectedQuantities], ReceivedQuantities = [.. expectedQuantities.Select(_ => 0)] });

    /// <summary>Moves the return by <paramref name="trigger"/>; receipts and exceptions have their own methods.</summary>
    public TimelineEntry Apply(ReturnTrigger trigger, string actor, DateTime at, string? details = null)
    {
        if (trigger is ReturnTrigger.ReceiveSome or ReturnTrigger.ReceiveAll or ReturnTrigger.RaiseException)
            throw new ArgumentException($"Use {(trigger == ReturnTrigger.RaiseException ? nameof(RaiseException) : nameof(ReceiveItems))}.", nameof(trigger));
        return Move(trigger, actor, at, details);
    }

    /// <summary>Records units scanned in; the return is received once every expected unit has arrived.</summary>
    public TimelineEntry ReceiveItems(IReadOnlyList<ReceivedItem> items, string actor, DateTime at)
    {
        RequireActor(actor);
        ReturnTransitions.Next(Current, ReturnTrigger.ReceiveSome); // an illegal state is reported before bad input
        var v = new Validator().Require(items.Count > 0, "items", "at least one item");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var known = item.LineIndex >= 0 && item.LineIndex < State.ExpectedQuantities.Count;
            var outstanding = known ? Outstanding(item.LineIndex) - items.Take(i).Where(o => o.LineIndex == item.LineIndex).Sum(o => o.Quantity) : 0;
            v.Require(known, $"items[{i}].line_index", "no such line on this return");
            v.Require(item.Quantity >= 1, $"items[{i}].quantity", "at least 1");
            v.Require(!known || item.Quantity < 1 || item.Quantity <= outstanding, $"items[{i}].quantity", $"at most the {Math.Max(outstanding, 0)} still expected");
        }
        v.ThrowIfInvalid();

        foreach (var item in items) State.ReceivedQuantities[item.LineIndex] += item.Quantity;
        var complete = State.ExpectedQuantities.SequenceEqual(State.ReceivedQuantities);
        var details = string.Join(", ", items.Select(i => $"line {i.LineIndex}: {i.Quantity}"));
        return Move(complete ? ReturnTrigger.ReceiveAll : ReturnTrigger.ReceiveSome, actor, at, details);
    }

    public TimelineEntry RaiseException(ExceptionKind kind, string actor, DateTime at, string? details = null)
    {
        var from = Current;
        var entry = Move(ReturnTrigger.RaiseException, actor, at, details is null ? kind.ToString() : $"{kind}: {details}");
        State.StateBeforeException = from;
        return entry;
    }

    private static void RequireActor(string actor)
    {
        if (string.IsNullOrWhiteSpace(actor) || !actor.Contains(':'))
            throw new ArgumentException("An actor is \"kind:id\", e.g. \"key:k123\".", nameof(actor));
    }

    private int Outstanding(int line) => State.ExpectedQuantities[line] - State.ReceivedQuantities[line];

    private TimelineEntry Move(ReturnTrigger trigger, string actor, DateTime at, string? details)
    {
        RequireActor(actor);
        var from = Current;
        var to = ReturnTransitions.Next(from, trigger, State.StateBeforeException);
        if (from == ReturnState.Exception) State.StateBeforeException = null;
        var entry = new TimelineEntry(from, to, trigger, actor, at, details);
        State.State = to;
        State.Timeline.Add(entry);
        return entry;
    }
}

namespace ReverseLogistics.Domain.Returns;

/// <summary>The persisted lifecycle of one return: its state, what is expected and received per line, and its timeline.</summary>
public sealed class RmaState
{
    public ReturnState State { get; set; } = ReturnState.Requested;
    public ReturnState? StateBeforeException { get; set; }
    public List<int> ExpectedQuantities { get; set; } = [];
    public List<int> ReceivedQuantities { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
}

namespace ReverseLogistics.Tests.Actors.Support;

public sealed class CounterState
{
    public int Count { get; set; }
}

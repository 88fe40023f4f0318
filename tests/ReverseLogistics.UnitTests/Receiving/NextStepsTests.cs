using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Receiving;

public sealed class NextStepsTests
{
    private static LineInspection Graded => new(InspectionGrade.A, null, [], [], "device:FC-1/HH-1", Now);

    [Theory]
    [InlineData(ReturnState.Requested, NextStep.Hold)]
    [InlineData(ReturnState.ManualReview, NextStep.Hold)]
    [InlineData(ReturnState.Cancelled, NextStep.Hold)]
    [InlineData(ReturnState.Exception, NextStep.Hold)]
    [InlineData(ReturnState.AwaitingPickup, NextStep.Receive)]
    [InlineData(ReturnState.InTransit, NextStep.Receive)]
    [InlineData(ReturnState.Received, NextStep.Inspect)]
    public void The_state_decides_before_anything_is_graded(ReturnState state, NextStep expected) =>
        Assert.Equal(expected, NextSteps.For(new RmaState { State = state, ExpectedQuantities = [1], ReceivedQuantities = [1] }, new ReceivingState()).Step);

    [Fact]
    public void A_partial_receipt_asks_for_grades_until_what_arrived_is_graded_then_for_the_rest()
    {
        var rma = new RmaState { State = ReturnState.PartiallyReceived, ExpectedQuantities = [2, 1], ReceivedQuantities = [1, 0] };
        var receiving = new ReceivingState();

        Assert.Equal(new ParcelAdvice(NextStep.Inspect, "grade line(s) 0; or receive the rest first (inspection settles what has arrived)"),
            NextSteps.For(rma, receiving));
        receiving.Inspections[0] = Graded;
        Assert.Equal(NextStep.Receive, NextSteps.For(rma, receiving).Step);
    }

    [Fact]
    public void A_settled_return_asks_for_dispositions_of_received_lines_then_is_done()
    {
        var rma = new RmaState { State = ReturnState.Refunded, ExpectedQuantities = [1, 1], ReceivedQuantities = [1, 0] };
        var receiving = new ReceivingState { Inspections = { [0] = Graded } };

        Assert.Equal(new ParcelAdvice(NextStep.SetDisposition, "choose a disposition for line(s) 0"), NextSteps.For(rma, receiving));
        receiving.Dispositions[0] = new LineDisposition(Disposition.Restock, "SKU-1#A", 1, "device:FC-1/HH-1", Now);
        Assert.Equal(NextStep.Done, NextSteps.For(rma, receiving).Step);
    }
}

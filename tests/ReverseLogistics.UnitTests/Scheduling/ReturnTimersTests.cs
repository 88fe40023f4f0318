using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.UnitTests.Scheduling;

/// <summary>When a return's timers fall due: pure domain rules, no server.</summary>
public sealed class ReturnTimersTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ReturnPolicy Policy = ReturnPolicy.Default with { LabelValidDays = 10, InspectionSlaHours = 24 };

    private static Rma Labelled()
    {
        var rma = Rma.Open([2, 1]);
        rma.Apply(ReturnTrigger.Approve, "system:auto-approve", Start);
        rma.Apply(ReturnTrigger.IssueLabel, "system:labels", Start.AddMinutes(1));
        return rma;
    }

    [Fact]
    public void A_label_expires_the_policys_days_after_it_was_issued_while_the_parcel_is_not_handed_over()
    {
        var rma = Labelled();
        Assert.Equal(Start.AddMinutes(1).AddDays(10), ReturnTimers.LabelExpiresAt(rma.State, Policy));

        rma.Apply(ReturnTrigger.SchedulePickup, "key:k1", Start.AddDays(2));
        Assert.Equal(Start.AddMinutes(1).AddDays(10), ReturnTimers.LabelExpiresAt(rma.State, Policy));

        rma.Apply(ReturnTrigger.MarkInTransit, "system:carrier", Start.AddDays(3));
        Assert.Null(ReturnTimers.LabelExpiresAt(rma.State, Policy));
    }

    [Fact]
    public void A_drop_off_approved_without_a_label_counts_from_its_approval()
    {
        var rma = Rma.Open([1]);
        rma.Apply(ReturnTrigger.Approve, "key:k1", Start);
        rma.Apply(ReturnTrigger.AwaitDropOff, "key:k1", Start.AddHours(1));

        Assert.Equal(Start.AddDays(10), ReturnTimers.LabelExpiresAt(rma.State, Policy));
    }

    [Fact]
    public void No_label_timer_runs_before_approval_or_after_the_return_ended()
    {
        var requested = Rma.Open([1]);
        Assert.Null(ReturnTimers.LabelExpiresAt(requested.State, Policy));
        var cancelled = Labelled();
        cancelled.Apply(ReturnTrigger.Cancel, "key:k1", Start.AddDays(1));
        Assert.Null(ReturnTimers.LabelExpiresAt(cancelled.State, Policy));
    }

    [Fact]
    public void Inspection_is_due_the_sla_after_the_first_receipt_and_not_again_once_escalated()
    {
        var rma = Labelled();
        rma.Apply(ReturnTrigger.MarkInTransit, "system:carrier", Start.AddDays(1));
        Assert.Null(ReturnTimers.InspectionDueAt(rma.State, Policy));

        rma.ReceiveItems([new ReceivedItem(0, 1)], "device:HH-1", Start.AddDays(2));
        rma.ReceiveItems([new ReceivedItem(0, 1), new ReceivedItem(1, 1)], "device:HH-1", Start.AddDays(3));
        Assert.Equal(ReturnState.Received, rma.Current);
        Assert.Equal(Start.AddDays(2).AddHours(24), ReturnTimers.InspectionDueAt(rma.State, Policy));

        var escalation = rma.Apply(ReturnTrigger.EscalateInspection, "system:inspection-sla", Start.AddDays(4));
        Assert.Equal((ReturnState.Received, ReturnState.Received), (escalation.From, escalation.To));
        Assert.Null(ReturnTimers.InspectionDueAt(rma.State, Policy));
    }

    [Fact]
    public void Only_received_returns_can_be_escalated() =>
        Assert.Throws<Domain.Errors.PreconditionFailedException>(() => Labelled().Apply(ReturnTrigger.EscalateInspection, "system:inspection-sla", Start));

    [Theory]
    [InlineData(0, 48, "policy.label_valid_days")]
    [InlineData(366, 48, "policy.label_valid_days")]
    [InlineData(30, 0, "policy.inspection_sla_hours")]
    [InlineData(30, 1441, "policy.inspection_sla_hours")]
    public void The_policy_bounds_label_validity_and_the_inspection_sla(int labelDays, int slaHours, string field)
    {
        var error = Assert.Throws<Domain.Errors.InvalidInputException>(() =>
            PolicyValidator.Validate(ReturnPolicy.Default with { LabelValidDays = labelDays, InspectionSlaHours = slaHours }));
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }
}

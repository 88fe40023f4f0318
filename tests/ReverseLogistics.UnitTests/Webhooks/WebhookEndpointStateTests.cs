using ReverseLogistics.Domain.Webhooks;

namespace ReverseLogistics.UnitTests.Webhooks;

public sealed class WebhookEndpointStateTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly RetrySchedule Schedule = RetrySchedule.Default;

    private static WebhookEndpointState NewState() => new()
    {
        Endpoint = new WebhookEndpoint("we_1", "https://example.com/h", [], "", true, T0, T0, null, null, 0),
        Secret = "whsec_x",
        Cursor = 10,
    };

    [Fact]
    public void A_delivered_head_moves_the_cursor_and_is_recorded()
    {
        var state = NewState();
        state.Start(12, "return.created", redelivery: false, T0);

        var outcome = state.RecordAttempt(true, 200, null, T0, Schedule, 0.5);

        Assert.Equal(AttemptOutcome.Delivered, outcome);
        Assert.Null(state.Head);
        Assert.Equal(12, state.Cursor);
        var record = Assert.Single(state.Finished);
        Assert.Equal((DeliveryStatus.Delivered, 1, 200), (record.Status, record.Attempts, record.LastResponseCode));
    }

    [Fact]
    public void A_failure_keeps_the_head_and_schedules_the_next_attempt_and_the_endpoint_is_due_then()
    {
        var state = NewState();
        state.Start(12, "return.created", redelivery: false, T0);

        var outcome = state.RecordAttempt(false, 500, "HTTP 500", T0, Schedule, 0.5);

        Assert.Equal(AttemptOutcome.Retrying, outcome);
        Assert.Equal(10, state.Cursor);
        Assert.Equal((DeliveryStatus.Failed, 1, T0.AddSeconds(5)), (state.Head!.Status, state.Head.Attempts, state.Head.NextAttemptAt));
        Assert.Equal(T0.AddSeconds(5), state.DueAt(T0.AddYears(-1)));
    }

    [Fact]
    public void After_24_hours_of_failures_the_head_is_dead_lettered_and_the_cursor_moves_past_it()
    {
        var state = NewState();
        state.Start(12, "return.created", redelivery: false, T0);
        state.RecordAttempt(false, 500, "HTTP 500", T0, Schedule, 0.5);

        var outcome = state.RecordAttempt(false, null, "timed out", T0.AddHours(24), Schedule, 0.5);

        Assert.Equal(AttemptOutcome.DeadLettered, outcome);
        Assert.Equal((12, 1), (state.Cursor, state.Endpoint!.ConsecutiveDeadLetters));
        Assert.Equal((DeliveryStatus.DeadLettered, 2, "timed out"), (state.Finished[0].Status, state.Finished[0].Attempts, state.Finished[0].LastError));
    }

    [Fact]
    public void Three_dead_letters_in_a_row_disable_the_endpoint_and_re_enabling_resets_the_count()
    {
        var state = NewState();
        var outcomes = new List<AttemptOutcome>();
        for (var position = 11; position <= 13; position++)
        {
            state.Start(position, "return.created", redelivery: false, T0);
            state.RecordAttempt(false, 500, "HTTP 500", T0, Schedule, 0.5);
            outcomes.Add(state.RecordAttempt(false, 500, "HTTP 500", T0.AddDays(1), Schedule, 0.5));
        }

        Assert.Equal([AttemptOutcome.DeadLettered, AttemptOutcome.DeadLettered, AttemptOutcome.DeadLetteredAndDisabled], outcomes);
        Assert.False(state.Active);
        Assert.Equal(T0.AddDays(1), state.Endpoint!.DisabledAt);

        state.Define(new WebhookEndpointDefinition("https://example.com/h", [], ""), enabled: true, T0.AddDays(2));

        Assert.True(state.Active);
        Assert.Equal((0, null, null), (state.Endpoint.ConsecutiveDeadLetters, state.Endpoint.DisabledAt, state.Endpoint.DisabledReason));
    }

    [Fact]
    public void A_delivery_between_dead_letters_resets_the_count()
    {
        var state = NewState();
        state.Start(11, "return.created", redelivery: false, T0);
        state.RecordAttempt(false, 500, "HTTP 500", T0, Schedule, 0.5);
        state.RecordAttempt(false, 500, "HTTP 500", T0.AddDays(1), Schedule, 0.5);
        state.Start(12, "return.created", redelivery: false, T0.AddDays(1));

        state.RecordAttempt(true, 204, null, T0.AddDays(1), Schedule, 0.5);

        Assert.Equal(0, state.Endpoint!.ConsecutiveDeadLetters);
    }

    [Fact]
    public void A_redelivery_leaves_the_cursor_and_leaves_the_queue_when_done()
    {
        var state = NewState();
        state.Redeliveries.Add(3);
        state.Start(3, "return.created", redelivery: true, T0);

        state.RecordAttempt(true, 200, null, T0, Schedule, 0.5);

        Assert.Equal(10, state.Cursor);
        Assert.Empty(state.Redeliveries);
        Assert.True(state.Finished[0].Redelivery);
    }

    [Fact]
    public void Only_the_latest_hundred_finished_deliveries_are_kept()
    {
        var state = NewState();
        for (var position = 11; position < 161; position++)
        {
            state.Start(position, "return.created", redelivery: false, T0);
            state.RecordAttempt(true, 200, null, T0, Schedule, 0.5);
        }

        Assert.Equal(WebhookEndpointState.RecordsKept, state.Finished.Count);
        Assert.Equal(160, state.Finished[0].Position);
    }

    [Fact]
    public void An_empty_filter_wants_every_type_and_a_filter_only_its_own()
    {
        var all = NewState().Endpoint!;
        var some = all with { EventTypes = ["return.approved"] };

        Assert.True(all.Wants("return.created"));
        Assert.True(some.Wants("return.approved"));
        Assert.False(some.Wants("return.created"));
    }
}

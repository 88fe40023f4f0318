namespace ReverseLogistics.Domain.Webhooks;

/// <summary>
/// An endpoint and where its deliveries stand. Events go out one at a time in position order: the head (the event
/// being sent) must be delivered or dead-lettered before the next one is read after <see cref="Cursor"/>.
/// Redeliveries a merchant asked for go next, after the current head.
/// </summary>
public sealed class WebhookEndpointState
{
    /// <summary>Delivery records kept per endpoint (the head and the latest finished ones).</summary>
    public const int RecordsKept = 100;
    /// <summary>Dead letters in a row that disable an endpoint.</summary>
    public const int DeadLettersToDisable = 3;

    public WebhookEndpoint? Endpoint { get; set; }
    public string Secret { get; set; } = "";
    public bool Deleted { get; set; }
    /// <summary>The last position delivered, dead-lettered or passed over (not for this endpoint); the next event comes after it.</summary>
    public long Cursor { get; set; }
    public DeliveryRecord? Head { get; set; }
    /// <summary>Positions to send again, in the order asked, once the head is done.</summary>
    public List<long> Redeliveries { get; set; } = [];
    /// <summary>Finished deliveries, newest first, at most <see cref="RecordsKept"/>.</summary>
    public List<DeliveryRecord> Finished { get; set; } = [];
    public long LastRecordNumber { get; set; }

    public bool Active => Endpoint is { Enabled: true } && !Deleted;

    /// <summary>Makes the event at <paramref name="position"/> the head, due at once.</summary>
    public DeliveryRecord Start(long position, string eventType, bool redelivery, DateTime now)
    {
        if (Head is not null) throw new InvalidOperationException("The head is still being delivered.");
        return Head = new DeliveryRecord(++LastRecordNumber, position, eventType, redelivery, DeliveryStatus.Pending, 0, null, null, null, null, now);
    }

    /// <summary>Records an attempt at the head: a 2xx (<paramref name="delivered"/>), or a failure retried per <paramref name="schedule"/>.</summary>
    /// <param name="random">Uniform in [0, 1): the jitter of the next attempt.</param>
    public AttemptOutcome RecordAttempt(bool delivered, int? responseCode, string? error, DateTime now, RetrySchedule schedule, double random)
    {
        var head = Head ?? throw new InvalidOperationException("No event is being delivered.");
        var endpoint = Endpoint ?? throw new InvalidOperationException("The endpoint does not exist.");
        head = head with
        {
            Attempts = head.Attempts + 1, LastResponseCode = responseCode, LastError = delivered ? null : error,
            FirstAttemptAt = head.FirstAttemptAt ?? now, LastAttemptAt = now,
        };
        if (delivered)
        {
            Finish(head with { Status = DeliveryStatus.Delivered, NextAttemptAt = null });
            Endpoint = endpoint with { ConsecutiveDeadLetters = 0 };
            return AttemptOutcome.Delivered;
        }
        if (!schedule.GivesUp(head.FirstAttemptAt!.Value, now))
        {
            Head = head with { Status = DeliveryStatus.Failed, NextAttemptAt = now + schedule.Delay(head.Attempts, random) };
            return AttemptOutcome.Retrying;
        }
        Finish(head with { Status = DeliveryStatus.DeadLettered, NextAttemptAt = null });
        var deadLetters = endpoint.ConsecutiveDeadLetters + 1;
        Endpoint = endpoint with { ConsecutiveDeadLetters = deadLetters };
        if (deadLetters < DeadLettersToDisable) return AttemptOutcome.DeadLettered;
        Disable($"{deadLetters} deliveries in a row were dead-lettered", now);
        return AttemptOutcome.DeadLetteredAndDisabled;
    }

    /// <summary>Passes over an event that is not for this endpoint.</summary>
    public void Skip(long position) => Cursor = Math.Max(Cursor, position);

    public void Disable(string reason, DateTime now) =>
        Endpoint = Endpoint! with { Enabled = false, DisabledAt = now, DisabledReason = reason, UpdatedAt = now };

    /// <summary>
    /// Sets a new definition and whether the endpoint is enabled. Re-enabling a disabled endpoint resumes where it
    /// stopped, with its dead-letter count reset and the head (if any) tried again at once.
    /// </summary>
    public void Define(WebhookEndpointDefinition definition, bool enabled, DateTime now)
    {
        var endpoint = Endpoint!;
        var reenabled = enabled && !endpoint.Enabled;
        Endpoint = endpoint with
        {
            Url = definition.Url, EventTypes = definition.EventTypes, Description = definition.Description, Enabled = enabled, UpdatedAt = now,
            DisabledAt = enabled ? null : endpoint.DisabledAt ?? now,
            DisabledReason = enabled ? null : endpoint.DisabledReason ?? "disabled by the merchant",
            ConsecutiveDeadLetters = reenabled ? 0 : endpoint.ConsecutiveDeadLetters,
        };
        if (reenabled && Head is { } head) Head = head with { NextAttemptAt = now };
    }

    /// <summary>When the endpoint next has something to do: now-ish (<paramref name="idleSince"/>) unless its head waits for a retry.</summary>
    public DateTime DueAt(DateTime idleSince) => Head is { Status: DeliveryStatus.Failed, NextAttemptAt: { } next } ? next : idleSince;

    /// <summary>The head first (when there is one), then the finished deliveries, newest first.</summary>
    public IEnumerable<DeliveryRecord> Deliveries() => Head is null ? Finished : Finished.Prepend(Head);

    private void Finish(DeliveryRecord done)
    {
        Head = null;
        if (!done.Redelivery) Cursor = Math.Max(Cursor, done.Position);
        else if (Redeliveries.Count > 0 && Redeliveries[0] == done.Position) Redeliveries.RemoveAt(0);
        Finished.Insert(0, done);
        if (Finished.Count > RecordsKept) Finished.RemoveRange(RecordsKept, Finished.Count - RecordsKept);
    }
}

using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Webhooks;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Webhooks;

public static class WebhookMapper
{
    public static Proto.WebhookEndpoint ToProto(WebhookEndpoint endpoint)
    {
        var proto = new Proto.WebhookEndpoint
        {
            EndpointId = endpoint.Id,
            Url = endpoint.Url,
            EventTypes = { endpoint.EventTypes },
            Description = endpoint.Description,
            Enabled = endpoint.Enabled,
            CreateTime = Timestamp.FromDateTime(endpoint.CreatedAt),
            UpdateTime = Timestamp.FromDateTime(endpoint.UpdatedAt),
            DisabledReason = endpoint.DisabledReason ?? "",
            ConsecutiveDeadLetters = endpoint.ConsecutiveDeadLetters,
        };
        if (endpoint.DisabledAt is { } disabled) proto.DisableTime = Timestamp.FromDateTime(disabled);
        return proto;
    }

    public static Proto.Delivery ToProto(DeliveryRecord record)
    {
        var proto = new Proto.Delivery
        {
            EventId = $"evt_{record.Position}",
            EventType = record.EventType,
            Status = (Proto.DeliveryStatus)(int)record.Status,
            Attempts = record.Attempts,
            LastResponseCode = record.LastResponseCode ?? 0,
            LastError = record.LastError ?? "",
            Redelivery = record.Redelivery,
        };
        if (record.LastAttemptAt is { } last) proto.LastAttemptTime = Timestamp.FromDateTime(last);
        if (record.NextAttemptAt is { } next) proto.NextAttemptTime = Timestamp.FromDateTime(next);
        return proto;
    }

    /// <summary>The position an event id names ("evt_42"), or null when it is not one.</summary>
    public static long? PositionOf(string eventId) =>
        eventId.StartsWith("evt_", StringComparison.Ordinal) && long.TryParse(eventId.AsSpan(4), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var position) && position > 0 ? position : null;
}

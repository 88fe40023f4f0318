using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Events;

/// <summary>A stored event as merchants see it (docs/events.md).</summary>
public static class EventMapper
{
    /// <summary>Null for an event merchants do not see.</summary>
    public static Proto.Event? ToProto(StoredEvent stored)
    {
        if (EventCatalog.PublicName(stored.StreamType, stored.Type) is not { } type) return null;
        var published = new Proto.Event
        {
            EventId = $"evt_{stored.Position}",
            Position = stored.Position,
            Type = type,
            TenantId = stored.TenantId,
            ReturnId = stored.StreamId,
            OccurTime = Timestamp.FromDateTime(stored.OccurredAt),
            Actor = stored.Actor,
        };
        using var data = JsonDocument.Parse(stored.Data);
        var root = data.RootElement;
        published.FromStatus = Status(root, "from");
        published.ToStatus = Status(root, "to");
        published.Details = Text(root, "details");
        published.PaymentReference = Text(root, "paymentReference");
        if (root.TryGetProperty("fundsExpectedAt", out var funds) && funds.ValueKind == JsonValueKind.String)
            published.FundsExpectedTime = Timestamp.FromDateTime(DateTime.SpecifyKind(funds.GetDateTime(), DateTimeKind.Utc));
        if (root.TryGetProperty("refundTotal", out var total) && total.ValueKind == JsonValueKind.Object)
        {
            published.RefundTotal = new Proto.Money
            {
                MinorUnits = total.GetProperty("minorUnits").GetInt64(),
                CurrencyCode = total.GetProperty("currencyCode").GetString() ?? "",
            };
        }
        return published;
    }

    private static Proto.ReturnStatus Status(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && System.Enum.TryParse<ReturnState>(value.GetString(), out var state)
            ? (Proto.ReturnStatus)(int)state
            : Proto.ReturnStatus.Unspecified;

    private static string Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

using ReverseLogistics.Domain.Returns;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Silo.Returns;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>Pickups, manifests and tracking events between the wire and the domain.</summary>
public static class PickupMapper
{
    public static PickupRequest ToDomain(string date, string windowStarts)
    {
        var validDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        TimeOnly starts = default;
        var validStarts = windowStarts.Length == 0 || TimeOnly.TryParseExact(windowStarts, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out starts);
        new Validator()
            .Require(validDate, "date", "a local date, YYYY-MM-DD")
            .Require(validStarts, "window_starts", "empty, or a local time HH:MM")
            .ThrowIfInvalid();
        return new PickupRequest(day, windowStarts.Length == 0 ? null : starts);
    }

    public static TrackingEvent ToDomain(Proto.ReportTrackingEventRequest request)
    {
        new Validator()
            .Require(request.TrackingNumber.Length > 0, "tracking_number", "required")
            .Require(request.CarrierId.Length > 0, "carrier_id", "required: the reporting carrier")
            .Require(request.CarrierEventId.Length is > 0 and <= 128, "carrier_event_id", "required, at most 128 characters")
            .Require(System.Enum.IsDefined((TrackingEventKind)(int)request.Kind), "kind", "picked_up, in_transit, delivered_to_center or exception")
            .Require(request.OccurredAt is not null, "occurred_at", "required: the carrier's time of the event")
            .ThrowIfInvalid();
        return new TrackingEvent(request.CarrierEventId, request.CarrierId, (TrackingEventKind)(int)request.Kind, request.OccurredAt!.ToDateTime(),
            Blank(request.Location), Blank(request.Details));
    }

    public static Proto.Pickup ToProto(string returnId, ReturnRecord record, DateTime now)
    {
        var booking = record.Pickup ?? throw new InvalidOperationException("The return has no pickup.");
        return new Proto.Pickup
        {
            ReturnId = returnId,
            Status = booking.Status switch
            {
                PickupStatus.Booked when booking.IsFrozenAt(now) => Proto.PickupStatus.Manifested,
                PickupStatus.Booked => Proto.PickupStatus.Booked,
                PickupStatus.Cancelled => Proto.PickupStatus.Cancelled,
                PickupStatus.PickedUp => Proto.PickupStatus.PickedUp,
                _ => Proto.PickupStatus.Missed,
            },
            CarrierId = booking.Slot.CarrierId,
            Window = ToProto(booking.Slot),
            CutoffTime = Timestamp.FromDateTime(booking.Slot.CutoffUtc),
            ManifestId = booking.Slot.WindowId,
            Rebookings = booking.Rebookings,
            TrackingNumber = record.TrackingNumber ?? "",
            Address = ReturnMapper.ToProto(record.Request.CustomerAddress, record.CustomerName),
        };
    }

    public static Proto.Manifest ToProto(string manifestId, CarrierWindowState window, PickupSlot slot, DateTime createdAt, bool withStops)
    {
        var manifest = new Proto.Manifest
        {
            ManifestId = manifestId,
            CarrierId = slot.CarrierId,
            Window = ToProto(slot),
            CutoffTime = Timestamp.FromDateTime(slot.CutoffUtc),
            CreateTime = Timestamp.FromDateTime(createdAt),
        };
        if (window.ScheduleId is { } scheduleId) manifest.ScheduleId = scheduleId;
        if (window.Location is { } location) manifest.Location = PickupScheduleMapper.ToProto(location);
        if (withStops)
            manifest.Stops.AddRange(window.Stops.Select(s => new Proto.ManifestStop
            {
                TenantId = s.TenantId,
                ReturnId = s.ReturnId,
                TrackingNumber = s.TrackingNumber ?? "",
                Address = ReturnMapper.ToProto(s.Address, s.CustomerName),
            }));
        return manifest;
    }

    public static Proto.TrackingEventResult ToProto(string tenantId, string returnId, TrackingResult result) => new()
    {
        TenantId = tenantId,
        ReturnId = returnId,
        Outcome = (Proto.TrackingOutcome)(int)result.Outcome,
        Status = (Proto.ReturnStatus)(int)result.Status,
        Explanation = result.Explanation,
    };

    public static Proto.PickupWindowSlot ToProto(PickupSlot slot) => new()
    {
        Date = slot.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Starts = slot.Starts.ToString("HH:mm", CultureInfo.InvariantCulture),
        Ends = slot.Ends.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZone = slot.TimeZone,
        StartTime = Timestamp.FromDateTime(slot.StartUtc),
        EndTime = Timestamp.FromDateTime(slot.EndUtc),
    };

    /// <summary>"Window 2026-11-23 09:00-12:00 America/Los_Angeles with DHL", for timelines.</summary>
    private static string? Blank(string text) => text.Length == 0 ? null : text;
}

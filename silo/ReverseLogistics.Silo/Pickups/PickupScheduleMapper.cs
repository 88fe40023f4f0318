using Google.Protobuf.WellKnownTypes;
using Quartz;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>Pickup schedules and locations between the wire and the domain; the cron syntax is Quartz's.</summary>
public static class PickupScheduleMapper
{
    /// <summary>The schedule asked for, validated as a whole (every violation at once).</summary>
    public static PickupSchedule ToDomain(Proto.PickupSchedule? proto, Func<string, bool> carrierExists)
    {
        var v = new Validator();
        if (proto is null)
        {
            v.Require(false, "schedule", "required");
            v.ThrowIfInvalid();
        }
        var l = proto!.Location ?? new Proto.PickupLocation();
        var schedule = new PickupSchedule
        {
            Id = proto.ScheduleId,
            CarrierId = proto.CarrierId,
            Location = new PickupLocation
            {
                Id = l.LocationId,
                Kind = (PickupLocationKind)(int)l.Kind,
                Name = l.Name,
                AddressLines = [.. l.AddressLines],
                City = l.City,
                PostalCode = l.PostalCode,
                CountryCode = l.CountryCode,
                TimeZone = l.TimeZone,
            },
            CronExpression = proto.CronExpression,
            PickupAfter = Minutes(proto.CutoffMinutes, PickupSchedule.DefaultPickupAfter),
            Window = Minutes(proto.WindowMinutes, PickupSchedule.DefaultWindow),
        };
        PickupScheduleValidator.Check(v, schedule, carrierExists);
        v.Require(CronExpression.TryParse(schedule.CronExpression, out _), "schedule.cron_expression",
            "a Quartz cron expression, seconds first, e.g. \"0 0 15 ? * MON-FRI\"");
        v.ThrowIfInvalid();
        return schedule;
    }

    public static Proto.PickupSchedule ToProto(PickupScheduleState state, DateTime now)
    {
        var s = state.Schedule;
        var proto = new Proto.PickupSchedule
        {
            ScheduleId = s.Id,
            CarrierId = s.CarrierId,
            Location = ToProto(s.Location),
            CronExpression = s.CronExpression,
            CutoffMinutes = (int)s.PickupAfter.TotalMinutes,
            WindowMinutes = (int)s.Window.TotalMinutes,
            Status = state.Status == PickupScheduleStatus.Paused ? Proto.PickupScheduleStatus.Paused : Proto.PickupScheduleStatus.Active,
            CreateTime = Timestamp.FromDateTime(state.CreatedAt),
            UpdateTime = Timestamp.FromDateTime(state.UpdatedAt),
        };
        if (state.Status == PickupScheduleStatus.Active && NextCutoff(s, now) is { } next) proto.NextCutoffTime = Timestamp.FromDateTimeOffset(next);
        return proto;
    }

    public static Proto.PickupLocation ToProto(PickupLocation l)
    {
        var proto = new Proto.PickupLocation
        {
            LocationId = l.Id,
            Kind = (Proto.PickupLocationKind)(int)l.Kind,
            Name = l.Name,
            City = l.City,
            PostalCode = l.PostalCode,
            CountryCode = l.CountryCode,
            TimeZone = l.TimeZone,
        };
        proto.AddressLines.AddRange(l.AddressLines);
        return proto;
    }

    public static TimeZoneInfo ZoneOf(PickupSchedule schedule) => TimeZoneInfo.FindSystemTimeZoneById(schedule.Location.TimeZone);

    private static DateTimeOffset? NextCutoff(PickupSchedule s, DateTime now) =>
        new CronExpression(s.CronExpression, ZoneOf(s)).GetNextValidTimeAfter(new DateTimeOffset(now));

    private static TimeSpan Minutes(int minutes, TimeSpan fallback) => minutes == 0 ? fallback : TimeSpan.FromMinutes(minutes);
}

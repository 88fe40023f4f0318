using ReverseLogistics.Grains.Pickups;
using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Idempotency;
using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Silo.Receiving;
using Proto = ReverseLogistics.V1;
using PickupServiceBase = ReverseLogistics.V1.PickupService.PickupServiceBase;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>reverselogistics.v1.PickupService: customer pickups, their manifests, and carrier tracking events.</summary>
public sealed class PickupService(
    IGrainFactory grains,
    PlatformClock time,
    IdempotentRequests idempotency,
    PickupDirectory directory,
    ParcelLookup parcels,
    NetworkSnapshot network,
    PickupScheduleTriggers triggers) : PickupServiceBase
{
    public override Task<Proto.ListPickupsResponse> ListPickups(Proto.ListPickupsRequest request, ServerCallContext context) =>
        directory.ListPickupsAsync(context.GetCaller().TenantId, request, context.CancellationToken);

    public override Task<Proto.ListPickupSchedulesResponse> ListPickupSchedules(Proto.ListPickupSchedulesRequest request, ServerCallContext context) =>
        directory.ListSchedulesAsync(request, context.CancellationToken);

    public override Task<Proto.PickupSchedule> PausePickupSchedule(Proto.PausePickupScheduleRequest request, ServerCallContext context) =>
        SetScheduleStatusAsync(context, request.RequestId, request, request.ScheduleId, PickupScheduleStatus.Paused);

    public override Task<Proto.PickupSchedule> ResumePickupSchedule(Proto.ResumePickupScheduleRequest request, ServerCallContext context) =>
        SetScheduleStatusAsync(context, request.RequestId, request, request.ScheduleId, PickupScheduleStatus.Active);

    public override Task<Proto.ListManifestsResponse> ListManifests(Proto.ListManifestsRequest request, ServerCallContext context) =>
        directory.ListManifestsAsync(request, context.CancellationToken);

    public override Task<Proto.Pickup> SchedulePickup(Proto.SchedulePickupRequest request, ServerCallContext context)
    {
        var wanted = PickupMapper.ToDomain(request.Date, request.WindowStarts);
        return MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.SchedulePickupAsync(wanted, caller, ticket));
    }

    public override Task<Proto.Pickup> ReschedulePickup(Proto.ReschedulePickupRequest request, ServerCallContext context)
    {
        var wanted = PickupMapper.ToDomain(request.Date, request.WindowStarts);
        return MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.ReschedulePickupAsync(wanted, caller, ticket));
    }

    public override Task<Proto.Pickup> CancelPickup(Proto.CancelPickupRequest request, ServerCallContext context) =>
        MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.CancelPickupAsync(caller, ticket));

    public override async Task<Proto.PickupSchedule> CreatePickupSchedule(Proto.CreatePickupScheduleRequest request, ServerCallContext context)
    {
        var view = await network.CurrentAsync(context.CancellationToken);
        var schedule = PickupScheduleMapper.ToDomain(request.Schedule, id => view.Carriers.Any(c => c.Id == id));
        var grain = grains.PickupSchedule(schedule.Id);
        var created = await idempotency.RunAsync(context, request.RequestId, request, (caller, ticket) => grain.CreateAsync(schedule, caller, ticket));
        await ApplyTriggerAsync(grain, context.CancellationToken);
        return PickupScheduleMapper.ToProto(created, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Pause or resume: the grain's status first, then its trigger follows (also on a retried request).</summary>
    private async Task<Proto.PickupSchedule> SetScheduleStatusAsync<TRequest>(ServerCallContext context, string requestId, TRequest request,
        string scheduleId, PickupScheduleStatus status) where TRequest : IMessage<TRequest>
    {
        new Validator().Require(scheduleId.Length > 0, "schedule_id", "required").ThrowIfInvalid();
        var grain = grains.PickupSchedule(scheduleId);
        var updated = await idempotency.RunAsync(context, requestId, request, (caller, ticket) => grain.SetStatusAsync(status, caller, ticket));
        await ApplyTriggerAsync(grain, context.CancellationToken);
        return PickupScheduleMapper.ToProto(updated, time.GetUtcNow().UtcDateTime);
    }

    private async Task ApplyTriggerAsync(IPickupScheduleGrain grain, CancellationToken cancellationToken)
    {
        if (await grain.GetAsync().WaitAsync(cancellationToken) is { } state) await triggers.ApplyAsync(state, cancellationToken);
    }

    public override async Task<Proto.Manifest> GetManifest(Proto.GetManifestRequest request, ServerCallContext context)
    {
        new Validator().Require(request.ManifestId.Length > 0, "manifest_id", "required").ThrowIfInvalid();
        var window = await grains.CarrierWindow(request.ManifestId).ManifestAsync().WaitAsync(context.CancellationToken);
        return window is { ManifestedAt: { } at, Slot: { } slot }
            ? PickupMapper.ToProto(request.ManifestId, window, slot, at, withStops: true)
            : throw new NotFoundException($"Manifest '{request.ManifestId}' not found.");
    }

    public override async Task<Proto.TrackingEventResult> ReportTrackingEvent(Proto.ReportTrackingEventRequest request, ServerCallContext context)
    {
        var report = PickupMapper.ToDomain(request);
        var (tenantId, returnId) = await parcels.FindByTrackingNumberAsync(request.TrackingNumber, context.CancellationToken);
        var result = await idempotency.RunAsync(context, request.RequestId, request,
            (_, ticket) => grains.Return(tenantId, returnId).ReportTrackingEventAsync(report, ticket));
        return PickupMapper.ToProto(tenantId, returnId, result);
    }

    private async Task<Proto.Pickup> MutateAsync<TRequest>(ServerCallContext context, string requestId, TRequest request, string returnId,
        Func<IReturnGrain, Caller, IdempotencyTicket, Task<ReturnSnapshot>> call) where TRequest : IMessage<TRequest>
    {
        var target = RequestedReturn.Of(grains, context.GetCaller().TenantId, returnId);
        var snapshot = await idempotency.RunAsync(context, requestId, request, (caller, ticket) => call(target, caller, ticket));
        return PickupMapper.ToProto(snapshot.ReturnId, snapshot.State, time.GetUtcNow().UtcDateTime);
    }
}

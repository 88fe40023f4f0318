using Google.Protobuf;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>reverselogistics.v1.PickupService: customer pickups, their manifests, and carrier tracking events.</summary>
public sealed class PickupService(
    ActorRuntime actors,
    IdempotentRequests idempotency,
    PickupDirectory directory,
    IActorStore store,
    NetworkSnapshot network,
    PickupScheduleTriggers triggers) : IGrpcService
{
    public static ServiceDescriptor Descriptor => Proto.PickupsReflection.Descriptor.Services[0];

    public void Bind(ServiceBinder binder) => binder
        .Unary<Proto.SchedulePickupRequest, Proto.Pickup>("SchedulePickup", SchedulePickupAsync)
        .Unary<Proto.ReschedulePickupRequest, Proto.Pickup>("ReschedulePickup", ReschedulePickupAsync)
        .Unary<Proto.CancelPickupRequest, Proto.Pickup>("CancelPickup", CancelPickupAsync)
        .Unary<Proto.ListPickupsRequest, Proto.ListPickupsResponse>("ListPickups",
            (request, context) => directory.ListPickupsAsync(context.GetCaller().TenantId, request, context.CancellationToken))
        .Unary<Proto.CreatePickupScheduleRequest, Proto.PickupSchedule>("CreatePickupSchedule", CreateScheduleAsync)
        .Unary<Proto.ListPickupSchedulesRequest, Proto.ListPickupSchedulesResponse>("ListPickupSchedules",
            (request, context) => directory.ListSchedulesAsync(request, context.CancellationToken))
        .Unary<Proto.PausePickupScheduleRequest, Proto.PickupSchedule>("PausePickupSchedule",
            (request, context) => SetScheduleStatusAsync(context, request.RequestId, request, request.ScheduleId, PickupScheduleStatus.Paused))
        .Unary<Proto.ResumePickupScheduleRequest, Proto.PickupSchedule>("ResumePickupSchedule",
            (request, context) => SetScheduleStatusAsync(context, request.RequestId, request, request.ScheduleId, PickupScheduleStatus.Active))
        .Unary<Proto.ListManifestsRequest, Proto.ListManifestsResponse>("ListManifests",
            (request, context) => directory.ListManifestsAsync(request, context.CancellationToken))
        .Unary<Proto.GetManifestRequest, Proto.Manifest>("GetManifest", GetManifestAsync)
        .Unary<Proto.ReportTrackingEventRequest, Proto.TrackingEventResult>("ReportTrackingEvent", ReportTrackingEventAsync);

    private Task<Proto.Pickup> SchedulePickupAsync(Proto.SchedulePickupRequest request, ServerCallContext context)
    {
        var wanted = PickupMapper.ToDomain(request.Date, request.WindowStarts);
        return MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.SchedulePickupAsync(wanted, caller, ticket));
    }

    private Task<Proto.Pickup> ReschedulePickupAsync(Proto.ReschedulePickupRequest request, ServerCallContext context)
    {
        var wanted = PickupMapper.ToDomain(request.Date, request.WindowStarts);
        return MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.ReschedulePickupAsync(wanted, caller, ticket));
    }

    private Task<Proto.Pickup> CancelPickupAsync(Proto.CancelPickupRequest request, ServerCallContext context) =>
        MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.CancelPickupAsync(caller, ticket));

    private async Task<Proto.PickupSchedule> CreateScheduleAsync(Proto.CreatePickupScheduleRequest request, ServerCallContext context)
    {
        var view = await network.CurrentAsync(context.CancellationToken);
        var schedule = PickupScheduleMapper.ToDomain(request.Schedule, id => view.Carriers.Any(c => c.Id == id));
        var actor = Schedule(schedule.Id);
        var created = await idempotency.RunAsync(context, request.RequestId, request, Proto.PickupSchedule.Parser,
            (caller, ticket) => actor.AskAsync(s => s.CreateAsync(schedule, caller, ticket), context.CancellationToken));
        await ApplyTriggerAsync(actor, context.CancellationToken);
        return created;
    }

    /// <summary>Pause or resume: the actor's status first, then its trigger follows (also on a retried request).</summary>
    private async Task<Proto.PickupSchedule> SetScheduleStatusAsync<TRequest>(ServerCallContext context, string requestId, TRequest request,
        string scheduleId, PickupScheduleStatus status) where TRequest : IMessage<TRequest>
    {
        new Validator().Require(scheduleId.Length > 0, "schedule_id", "required").ThrowIfInvalid();
        var actor = Schedule(scheduleId);
        var updated = await idempotency.RunAsync(context, requestId, request, Proto.PickupSchedule.Parser,
            (caller, ticket) => actor.AskAsync(s => s.SetStatusAsync(status, caller, ticket), context.CancellationToken));
        await ApplyTriggerAsync(actor, context.CancellationToken);
        return updated;
    }

    private async Task ApplyTriggerAsync(ActorRef<PickupScheduleActor> actor, CancellationToken cancellationToken)
    {
        if (await actor.AskAsync(s => Task.FromResult(s.Current()), cancellationToken) is { } state) await triggers.ApplyAsync(state, cancellationToken);
    }

    private ActorRef<PickupScheduleActor> Schedule(string scheduleId) => actors.Get<PickupScheduleActor>(TenantIds.Platform, scheduleId);

    private async Task<Proto.Manifest> GetManifestAsync(Proto.GetManifestRequest request, ServerCallContext context)
    {
        new Validator().Require(request.ManifestId.Length > 0, "manifest_id", "required").ThrowIfInvalid();
        var manifest = await actors.Get<CarrierWindowActor>(TenantIds.Platform, request.ManifestId)
            .AskAsync(w => Task.FromResult(w.Manifest()), context.CancellationToken);
        return manifest ?? throw new NotFoundException($"Manifest '{request.ManifestId}' not found.");
    }

    private async Task<Proto.TrackingEventResult> ReportTrackingEventAsync(Proto.ReportTrackingEventRequest request, ServerCallContext context)
    {
        var report = PickupMapper.ToDomain(request);
        var keys = await store.FindAcrossTenantsAsync(ReturnActor.TypeName, ReturnIndex.Tracking, request.TrackingNumber, 2, context.CancellationToken);
        if (keys.Count != 1) throw new NotFoundException($"No return carries the tracking number '{request.TrackingNumber}'.");
        var target = actors.Get<ReturnActor>(keys[0].TenantId, keys[0].Id);
        return await idempotency.RunAsync(context, request.RequestId, request, Proto.TrackingEventResult.Parser,
            (_, ticket) => target.AskAsync(r => r.ReportTrackingEventAsync(report, ticket), context.CancellationToken));
    }

    private Task<Proto.Pickup> MutateAsync<TRequest>(ServerCallContext context, string requestId, TRequest request, string returnId,
        Func<ReturnActor, Caller, IdempotencyTicket, Task<Proto.Pickup>> turn) where TRequest : IMessage<TRequest>
    {
        new Validator().Require(returnId.Length > 0, "return_id", "required").ThrowIfInvalid();
        if (!ReturnIds.IsWellFormed(returnId)) throw new NotFoundException($"Return '{returnId}' not found.");
        var target = actors.Get<ReturnActor>(context.GetCaller().TenantId, returnId);
        return idempotency.RunAsync(context, requestId, request, Proto.Pickup.Parser,
            (caller, ticket) => target.AskAsync(r => turn(r, caller, ticket), context.CancellationToken));
    }
}

using ReverseLogistics.Grpc.Client;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Tests.Pickups;

/// <summary>Client-side methods of PickupService.</summary>
public static class PickupApi
{
    private static readonly ServiceDescriptor Service = PickupsReflection.Descriptor.Services[0];

    public static readonly Method<SchedulePickupRequest, Pickup> SchedulePickup = Method<SchedulePickupRequest, Pickup>.From(Service, "SchedulePickup");
    public static readonly Method<ReschedulePickupRequest, Pickup> ReschedulePickup = Method<ReschedulePickupRequest, Pickup>.From(Service, "ReschedulePickup");
    public static readonly Method<CancelPickupRequest, Pickup> CancelPickup = Method<CancelPickupRequest, Pickup>.From(Service, "CancelPickup");
    public static readonly Method<ListPickupsRequest, ListPickupsResponse> ListPickups = Method<ListPickupsRequest, ListPickupsResponse>.From(Service, "ListPickups");
    public static readonly Method<CreatePickupScheduleRequest, PickupSchedule> CreatePickupSchedule = Method<CreatePickupScheduleRequest, PickupSchedule>.From(Service, "CreatePickupSchedule");
    public static readonly Method<ListPickupSchedulesRequest, ListPickupSchedulesResponse> ListPickupSchedules = Method<ListPickupSchedulesRequest, ListPickupSchedulesResponse>.From(Service, "ListPickupSchedules");
    public static readonly Method<PausePickupScheduleRequest, PickupSchedule> PausePickupSchedule = Method<PausePickupScheduleRequest, PickupSchedule>.From(Service, "PausePickupSchedule");
    public static readonly Method<ResumePickupScheduleRequest, PickupSchedule> ResumePickupSchedule = Method<ResumePickupScheduleRequest, PickupSchedule>.From(Service, "ResumePickupSchedule");
    public static readonly Method<ListManifestsRequest, ListManifestsResponse> ListManifests = Method<ListManifestsRequest, ListManifestsResponse>.From(Service, "ListManifests");
    public static readonly Method<GetManifestRequest, Manifest> GetManifest = Method<GetManifestRequest, Manifest>.From(Service, "GetManifest");
    public static readonly Method<ReportTrackingEventRequest, TrackingEventResult> ReportTrackingEvent = Method<ReportTrackingEventRequest, TrackingEventResult>.From(Service, "ReportTrackingEvent");
}

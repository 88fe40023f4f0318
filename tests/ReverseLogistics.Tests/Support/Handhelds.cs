using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Tests.Support;

/// <summary>Client-side methods of ReceivingService, handheld keys and sample requests.</summary>
public static class Handhelds
{
    public const string DefaultCentre = "FC-DEFAULT";

    private static readonly ServiceDescriptor Service = ReceivingReflection.Descriptor.Services[0];

    public static readonly Method<ScanParcelRequest, Parcel> ScanParcel = Method<ScanParcelRequest, Parcel>.From(Service, "ScanParcel");
    public static readonly Method<ReceiveItemsRequest, Parcel> ReceiveItems = Method<ReceiveItemsRequest, Parcel>.From(Service, "ReceiveItems");
    public static readonly Method<RecordInspectionRequest, Parcel> RecordInspection = Method<RecordInspectionRequest, Parcel>.From(Service, "RecordInspection");
    public static readonly Method<SetDispositionRequest, Parcel> SetDisposition = Method<SetDispositionRequest, Parcel>.From(Service, "SetDisposition");
    public static readonly Method<ReportExceptionRequest, Parcel> ReportException = Method<ReportExceptionRequest, Parcel>.From(Service, "ReportException");
    public static readonly Method<ListInventoryRequest, ListInventoryResponse> ListInventory = Method<ListInventoryRequest, ListInventoryResponse>.From(Service, "ListInventory");

    /// <summary>A handheld key of <paramref name="centre"/>, issued by the operator.</summary>
    public static async Task<CallOptions> NewHandheldAsync(GrpcChannel channel, string operatorKey, string centre = DefaultCentre)
    {
        var key = await channel.Unary(TenantAdmin.CreateApiKey, new CreateApiKeyRequest
        {
            RequestId = TenantAdmin.NewRequestId(), Role = Role.Handheld, FulfillmentCenterId = centre, Description = "test handheld",
        }, TenantAdmin.As(operatorKey));
        return TenantAdmin.As(key.Secret);
    }

    public static string NewScanId() => "scan-" + Guid.NewGuid().ToString("N");

    public static ScanParcelRequest Scan(string barcode, string device = "HH-1") => new() { ScanId = NewScanId(), DeviceId = device, Barcode = barcode };

    public static ReceiveItemsRequest Receive(string returnId, params (int Line, int Quantity)[] items)
    {
        var request = new ReceiveItemsRequest { ScanId = NewScanId(), DeviceId = "HH-1", ReturnId = returnId };
        request.Items.AddRange(items.Select(i => new ReceivedUnits { LineIndex = i.Line, Quantity = i.Quantity }));
        return request;
    }

    public static RecordInspectionRequest Inspect(string returnId, int line, InspectionGrade grade, params MismatchFlag[] mismatches)
    {
        var request = new RecordInspectionRequest { ScanId = NewScanId(), DeviceId = "HH-1", ReturnId = returnId, LineIndex = line, Grade = grade };
        request.Mismatches.AddRange(mismatches);
        return request;
    }

    public static SetDispositionRequest Dispose(string returnId, int line, Disposition disposition) =>
        new() { ScanId = NewScanId(), DeviceId = "HH-1", ReturnId = returnId, LineIndex = line, Disposition = disposition };

    public static ReportExceptionRequest Problem(string returnId, ParcelProblem problem, string notes = "") =>
        new() { ScanId = NewScanId(), DeviceId = "HH-1", ReturnId = returnId, Problem = problem, Notes = notes };
}

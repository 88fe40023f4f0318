using ReverseLogistics.Domain.Routing;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Handheld keys and sample requests for ReceivingService.</summary>
public static class Handhelds
{
    public const string DefaultCentre = "FC-DEFAULT";

    /// <summary>A handheld key of <paramref name="centre"/>, issued by the operator.</summary>
    public static async Task<CallOptions> NewHandheldAsync(PlatformClient client, string operatorKey, string centre = DefaultCentre)
    {
        var key = await client.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
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

using ReverseLogistics.Grains.Idempotency;
using Google.Protobuf;
using Orleans;
using ReverseLogistics.Grains;
using Grpc.Core;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using Disposition = ReverseLogistics.Domain.Receiving.Disposition;
using InspectionGrade = ReverseLogistics.Domain.Policies.InspectionGrade;
using MismatchFlag = ReverseLogistics.Domain.Returns.MismatchFlag;
using UnexpectedItem = ReverseLogistics.Domain.Receiving.UnexpectedItem;
using ReceivingServiceBase = ReverseLogistics.V1.ReceivingService.ReceivingServiceBase;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>
/// reverselogistics.v1.ReceivingService: a fulfilment centre's handhelds scan, receive, inspect and
/// dispose of returned parcels. A scan id is idempotent per centre; the return's own commit moves the centre's
/// figures (arrivals, inventory), which ListInventory reads.
/// </summary>
public sealed class ReceivingService(IGrainFactory grains, IdempotentRequests idempotency, ParcelLookup parcels, InventoryDirectory inventory)
    : ReceivingServiceBase
{
    public const int MaxScanIdLength = 64;
    public const int MaxDeviceIdLength = 64;
    public const int MaxBarcodeLength = 128;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public override Task<Parcel> ScanParcel(ScanParcelRequest request, ServerCallContext context)
    {
        var scan = Scan(context, request.ScanId, request.DeviceId, v => v
            .Require(request.Barcode.Length > 0, "barcode", "required: a tracking number or an RMA id")
            .Require(request.Barcode.Length <= MaxBarcodeLength, "barcode", $"at most {MaxBarcodeLength} characters"));
        return RunAsync(context, scan, request.ScanId, request, async ticket =>
        {
            var found = await parcels.FindByBarcodeAsync(request.Barcode, context.CancellationToken);
            return await ReturnOf(found).ScanAsync(scan, ticket);
        });
    }

    public override Task<Parcel> ReceiveItems(ReceiveItemsRequest request, ServerCallContext context)
    {
        var items = request.Items.Select(i => new ReceivedItem(i.LineIndex, i.Quantity)).ToList();
        var unexpected = request.UnexpectedItems
            .Select(u => new UnexpectedItem(u.Sku, u.Quantity, u.Description.Length == 0 ? null : u.Description)).ToList();
        return MutateAsync(context, request.ScanId, request.DeviceId, request.ReturnId, request,
            (r, scan, ticket) => r.ReceiveItemsAsync(scan, items, unexpected, ticket));
    }

    public override Task<Parcel> RecordInspection(RecordInspectionRequest request, ServerCallContext context) =>
        MutateAsync(context, request.ScanId, request.DeviceId, request.ReturnId, request, (r, scan, ticket) => r.RecordInspectionAsync(
            scan, request.LineIndex, (InspectionGrade)(int)request.Grade, request.Notes, [.. request.PhotoReferences],
            [.. request.Mismatches.Select(m => (MismatchFlag)(int)m)], ticket));

    public override Task<Parcel> SetDisposition(SetDispositionRequest request, ServerCallContext context) =>
        MutateAsync(context, request.ScanId, request.DeviceId, request.ReturnId, request,
            (r, scan, ticket) => r.SetDispositionAsync(scan, request.LineIndex, (Disposition)(int)request.Disposition, ticket));

    public override Task<Parcel> ReportException(ReportExceptionRequest request, ServerCallContext context) =>
        MutateAsync(context, request.ScanId, request.DeviceId, request.ReturnId, request,
            (r, scan, ticket) => r.ReportExceptionAsync(scan, ParcelMapper.ToDomain(request.Problem), request.Notes, ticket));

    public override async Task<ListInventoryResponse> ListInventory(ListInventoryRequest request, ServerCallContext context)
    {
        var centre = Centre(context);
        var after = PageTokens.Decode(request.PageToken, key => key.Length > 0);
        new Validator()
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}")
            .Require(request.Disposition == V1.Disposition.Unspecified || Enum.IsDefined((Disposition)(int)request.Disposition), "disposition", "unknown disposition")
            .ThrowIfInvalid();
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        Disposition? disposition = request.Disposition == V1.Disposition.Unspecified ? null : (Disposition)(int)request.Disposition;
        var (rows, arrivals) = await inventory.ListAsync(centre, NullIfEmpty(request.TenantId), NullIfEmpty(request.Sku), disposition, after, size + 1,
            context.CancellationToken);
        var response = new ListInventoryResponse { FulfillmentCenterId = centre };
        response.Items.AddRange(rows.Take(size).Select(ParcelMapper.ToProto));
        if (rows.Count > size) response.NextPageToken = PageTokens.Encode(rows[size - 1].SortKey);
        response.Arrivals.AddRange(arrivals.Select(a => new DailyArrivals { Date = CenterCounters.Day(a.Day), Parcels = checked((int)a.Parcels) }));
        return response;
    }

    private Task<Parcel> MutateAsync<TRequest>(ServerCallContext context, string scanId, string deviceId, string returnId, TRequest request,
        Func<IReturnGrain, HandheldScan, IdempotencyTicket, Task<ReturnSnapshot>> step) where TRequest : IMessage<TRequest>
    {
        var scan = Scan(context, scanId, deviceId, v => v.Require(returnId.Length > 0, "return_id", "required"));
        return RunAsync(context, scan, scanId, request, async ticket =>
        {
            var found = await parcels.FindReturnAsync(returnId, context.CancellationToken);
            return await step(ReturnOf(found), scan, ticket);
        });
    }

    /// <summary>Runs a step once per scan id of the centre.</summary>
    private async Task<Parcel> RunAsync<TRequest>(ServerCallContext context, HandheldScan scan, string scanId, TRequest request,
        Func<IdempotencyTicket, Task<ReturnSnapshot>> step) where TRequest : IMessage<TRequest>
    {
        var snapshot = await idempotency.RunAsync(context, $"{scan.CentreId}/{scanId}", request, (_, ticket) => step(ticket));
        return ParcelMapper.ToProto(snapshot.TenantId, snapshot.ReturnId, snapshot.State);
    }

    private static HandheldScan Scan(ServerCallContext context, string scanId, string deviceId, Action<Validator> more)
    {
        var centre = Centre(context);
        var v = new Validator()
            .Require(scanId.Length > 0, "scan_id", "required: the id the device generated for this scan, which makes it safe to resend")
            .Require(scanId.Length <= MaxScanIdLength, "scan_id", $"at most {MaxScanIdLength} characters")
            .Require(deviceId.Trim().Length > 0, "device_id", "required: the device's name, shown in timelines")
            .Require(deviceId.Length <= MaxDeviceIdLength, "device_id", $"at most {MaxDeviceIdLength} characters");
        more(v);
        v.ThrowIfInvalid();
        return new HandheldScan(centre, deviceId);
    }

    private static string Centre(ServerCallContext context) =>
        context.GetCaller().FulfillmentCenterId ?? throw new PreconditionFailedException("This key belongs to no fulfilment centre.");

    private IReturnGrain ReturnOf((string TenantId, string ReturnId) found) => grains.Return(found.TenantId, found.ReturnId);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

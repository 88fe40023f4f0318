using ReverseLogistics.Domain.Routing;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Silo.Returns;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>Maps the warehouse's view of returns between the wire and the domain. The enums share their numbers on both sides.</summary>
public static class ParcelMapper
{
    public static Proto.Parcel ToProto(string tenantId, string returnId, ReturnRecord record)
    {
        var receiving = record.Receiving;
        var advice = NextSteps.For(record.Rma, receiving);
        var parcel = new Proto.Parcel
        {
            ReturnId = returnId,
            TenantId = tenantId,
            MerchantName = record.TenantName,
            Status = (Proto.ReturnStatus)(int)record.Rma.State,
            TrackingNumber = record.TrackingNumber ?? "",
            DestinationFulfillmentCenterId = record.Destination?.FulfillmentCenterId ?? "",
            NextStep = (Proto.NextStep)(int)advice.Step,
            NextStepDetail = advice.Detail,
            ArriveTime = receiving.ArrivedAt is { } arrived ? Timestamp.FromDateTime(arrived) : null,
        };
        for (var i = 0; i < record.Request.Lines.Count; i++)
        {
            var line = record.Request.Lines[i];
            parcel.Lines.Add(new Proto.ParcelLine
            {
                LineIndex = i,
                Sku = line.Sku,
                Category = line.Category,
                Description = line.Note is { } note ? $"{line.ReasonCode}: {note}" : line.ReasonCode,
                ExpectedQuantity = record.Rma.ExpectedQuantities[i],
                ReceivedQuantity = record.Rma.ReceivedQuantities[i],
                Inspection = receiving.Inspections.TryGetValue(i, out var inspection) ? ToProto(inspection) : null,
                Disposition = receiving.Dispositions.TryGetValue(i, out var disposition) ? ToProto(disposition) : null,
            });
        }
        parcel.Discrepancies.AddRange(receiving.Discrepancies.Select(ToProto));
        return parcel;
    }

    public static Proto.InventoryItem ToProto(InventoryRow row) => new()
    {
        TenantId = row.TenantId,
        Sku = row.Sku,
        ResaleSku = row.ResaleSku ?? "",
        Grade = (Proto.InspectionGrade)(int)row.Grade,
        Disposition = (Proto.Disposition)(int)row.Disposition,
        Quantity = row.Quantity,
    };

    public static Proto.LineInspection ToProto(LineInspection inspection)
    {
        var proto = new Proto.LineInspection
        {
            Grade = (Proto.InspectionGrade)(int)inspection.Grade,
            Notes = inspection.Notes ?? "",
            InspectedBy = inspection.Actor,
            InspectTime = Timestamp.FromDateTime(inspection.At),
        };
        proto.PhotoReferences.AddRange(inspection.PhotoReferences);
        proto.Mismatches.AddRange(inspection.Mismatches.Select(m => (Proto.MismatchFlag)(int)m));
        return proto;
    }

    public static Proto.LineDisposition ToProto(LineDisposition disposition) => new()
    {
        Disposition = (Proto.Disposition)(int)disposition.Disposition,
        ResaleSku = disposition.ResaleSku ?? "",
        Quantity = disposition.Quantity,
        DecidedBy = disposition.Actor,
        DecideTime = Timestamp.FromDateTime(disposition.At),
    };

    public static Proto.ReceiptDiscrepancy ToProto(ReceiptDiscrepancy discrepancy)
    {
        var proto = new Proto.ReceiptDiscrepancy
        {
            Kind = (Proto.DiscrepancyKind)(int)discrepancy.Kind,
            Sku = discrepancy.Sku,
            Quantity = discrepancy.Quantity,
            Description = discrepancy.Description ?? "",
            ReportedBy = discrepancy.Actor,
            ReportTime = Timestamp.FromDateTime(discrepancy.At),
        };
        if (discrepancy.LineIndex is { } line) proto.LineIndex = line;
        return proto;
    }

    public static ExceptionKind ToDomain(Proto.ParcelProblem problem) => problem switch
    {
        Proto.ParcelProblem.DamagedInTransit => ExceptionKind.Damaged,
        Proto.ParcelProblem.WrongItem => ExceptionKind.WrongItem,
        Proto.ParcelProblem.MissingItem => ExceptionKind.Missing,
        Proto.ParcelProblem.EmptyBox => ExceptionKind.EmptyBox,
        _ => 0, // undefined: the domain reports the field
    };
}

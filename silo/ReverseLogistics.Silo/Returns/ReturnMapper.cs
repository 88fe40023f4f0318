using ReverseLogistics.Domain.Routing;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Silo.Policies;
using ReverseLogistics.Silo.Receiving;
using ReverseLogistics.Silo.Routing;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Returns;

/// <summary>Maps returns between the wire and the domain. The enums share their numbers on both sides.</summary>
public static partial class ReturnMapper
{
    public static ReturnRequest ToDomain(string customerReference, Proto.Address? address,
        RepeatedField<Proto.ReturnLineInput> lines, Proto.Resolution resolution, Proto.ReturnMethod method) => new()
    {
        CustomerReference = customerReference,
        CustomerAddress = new CustomerAddress
        {
            Line1 = address?.Line1 ?? "",
            Line2 = string.IsNullOrEmpty(address?.Line2) ? null : address.Line2,
            City = address?.City ?? "",
            PostalCode = address?.PostalCode ?? "",
            CountryCode = address?.CountryCode ?? "",
            // Half a coordinate is kept as NaN, which validation reports under the missing field.
            Location = address is null || (!address.HasLatitude && !address.HasLongitude)
                ? null
                : new GeoPoint(address.HasLatitude ? address.Latitude : double.NaN, address.HasLongitude ? address.Longitude : double.NaN),
        },
        Lines = [.. lines.Select(ToDomain)],
        RequestedResolution = (Resolution)(int)resolution,
        ReturnMethod = (ReturnMethod)(int)method,
    };

    private static ReturnLine ToDomain(Proto.ReturnLineInput line) => new()
    {
        OrderReference = line.OrderReference,
        Sku = line.Sku,
        Category = line.Category,
        Quantity = line.Quantity,
        PurchasedQuantity = line.PurchasedQuantity,
        UnitPrice = line.UnitPrice is { } price ? PolicyMapper.ToDomain(price) : default,
        PurchasedAt = line.PurchasedAt?.ToDateTime() ?? default,
        DeliveredAt = line.DeliveredAt?.ToDateTime(),
        ReasonCode = line.ReasonCode,
        Note = line.Note.Length == 0 ? null : line.Note,
        PhotoUrls = [.. line.PhotoUrls],
    };

    public static Proto.Return ToProto(string returnId, ReturnRecord record)
    {
        var request = record.Request;
        var proto = new Proto.Return
        {
            ReturnId = returnId,
            Status = (Proto.ReturnStatus)(int)record.Rma.State,
            CustomerReference = request.CustomerReference,
            CustomerAddress = ToProto(request.CustomerAddress, record.CustomerName),
            RequestedResolution = (Proto.Resolution)(int)request.RequestedResolution,
            ReturnMethod = (Proto.ReturnMethod)(int)request.ReturnMethod,
            Decision = record.Eligibility is { } eligibility ? ToProto(eligibility.Decision) : null,
            Refund = record.Refund is { } refund ? ToProto(refund) : null,
            DestinationFulfillmentCenterId = record.Destination?.FulfillmentCenterId ?? "",
            TrackingNumber = record.TrackingNumber ?? "",
            CreateTime = Timestamp.FromDateTime(record.CreatedAt),
            UpdateTime = Timestamp.FromDateTime(record.UpdatedAt),
            PaymentReference = record.PaymentReference ?? "",
            ArriveTime = record.Receiving.ArrivedAt is { } arrived ? Timestamp.FromDateTime(arrived) : null,
            Routing = record.Routing is { } route ? RoutingMapper.ToProto(route) : null,
        };
        proto.ReceiptDiscrepancies.AddRange(record.Receiving.Discrepancies.Select(ParcelMapper.ToProto));
        for (var i = 0; i < request.Lines.Count; i++)
        {
            proto.Lines.Add(new Proto.ReturnLine
            {
                Input = ToProto(request.Lines[i]),
                Eligibility = record.Eligibility is { } e ? ToProto(e.Lines[i]) : null,
                ReceivedQuantity = i < record.Rma.ReceivedQuantities.Count ? record.Rma.ReceivedQuantities[i] : 0,
                Inspection = record.Receiving.Inspections.TryGetValue(i, out var inspection) ? ParcelMapper.ToProto(inspection) : null,
                Disposition = record.Receiving.Dispositions.TryGetValue(i, out var disposition) ? ParcelMapper.ToProto(disposition) : null,
            });
        }
        return proto;
    }

    public static Proto.EligibilityResult ToProto(EligibilityResult result)
    {
        var proto = new Proto.EligibilityResult { Decision = ToProto(result.Decision), EstimatedRefund = ToProto(result.EstimatedRefund) };
        proto.Lines.AddRange(result.Lines.Select(ToProto));
        return proto;
    }

    public static Proto.ReturnEvent ToProto(long sequence, TimelineEntry entry, ReturnState? from) => new()
    {
        Sequence = sequence,
        Type = entry.Trigger.ToString(),
        FromStatus = from is { } f ? (Proto.ReturnStatus)(int)f : Proto.ReturnStatus.Unspecified,
        ToStatus = (Proto.ReturnStatus)(int)entry.To,
        Actor = entry.Actor,
        Time = Timestamp.FromDateTime(entry.At),
        Details = entry.Details ?? "",
    };

    private static Proto.LineEligibility ToProto(LineEligibility line)
    {
        var proto = new Proto.LineEligibility { LineIndex = line.LineIndex, Eligible = line.Eligible, WindowEndsOn = line.Deadline.ToString("yyyy-MM-dd") };
        proto.Problems.AddRange(line.Problems.Select(p => new Proto.LineProblem { Code = Screaming(p.Code.ToString()), Message = p.Message }));
        return proto;
    }

    private static Proto.Decision ToProto(ReturnDecision decision)
    {
        var proto = new Proto.Decision { Kind = (Proto.DecisionKind)(int)decision.Kind };
        proto.Reasons.AddRange(decision.Reasons.Select(r => new Proto.DecisionReason { Code = Screaming(r.Code.ToString()), Message = r.Message }));
        return proto;
    }

    private static Proto.RefundBreakdown ToProto(RefundBreakdown refund)
    {
        var proto = new Proto.RefundBreakdown
        {
            Gross = ToProto(refund.Gross),
            GradeDeductions = ToProto(refund.GradeDeductions),
            RestockingFees = ToProto(refund.RestockingFees),
            ShippingFee = ToProto(refund.ShippingFee),
            Bonus = ToProto(refund.Bonus),
            Total = ToProto(refund.Total),
            MerchantAdjustment = refund.MerchantAdjustment is { } adjustment ? ToProto(adjustment) : null,
        };
        proto.Lines.AddRange(refund.Lines.Select(l => new Proto.RefundLineAmount
        {
            LineIndex = l.LineIndex,
            Gross = ToProto(l.Gross),
            GradeDeduction = ToProto(l.GradeDeduction),
            RestockingFee = ToProto(l.RestockingFee),
            Net = ToProto(l.Net),
        }));
        return proto;
    }

    private static Proto.ReturnLineInput ToProto(ReturnLine line)
    {
        var proto = new Proto.ReturnLineInput
        {
            OrderReference = line.OrderReference,
            Sku = line.Sku,
            Category = line.Category,
            Quantity = line.Quantity,
            PurchasedQuantity = line.PurchasedQuantity,
            UnitPrice = ToProto(line.UnitPrice),
            PurchasedAt = Timestamp.FromDateTime(line.PurchasedAt),
            DeliveredAt = line.DeliveredAt is { } delivered ? Timestamp.FromDateTime(delivered) : null,
            ReasonCode = line.ReasonCode,
            Note = line.Note ?? "",
        };
        proto.PhotoUrls.AddRange(line.PhotoUrls);
        return proto;
    }

    internal static Proto.Address ToProto(CustomerAddress address, string name)
    {
        var proto = new Proto.Address
        {
            Name = name,
            Line1 = address.Line1,
            Line2 = address.Line2 ?? "",
            City = address.City,
            PostalCode = address.PostalCode,
            CountryCode = address.CountryCode,
        };
        if (address.Location is { } location) (proto.Latitude, proto.Longitude) = (location.Latitude, location.Longitude);
        return proto;
    }

    private static Proto.Money ToProto(Money money) => PolicyMapper.ToProto(money);

    /// <summary>"OutsideWindow" → "OUTSIDE_WINDOW", the style of codes on the wire.</summary>
    private static string Screaming(string name) => WordStart().Replace(name, "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}

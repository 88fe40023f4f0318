using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Labels;
using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using DomainMethod = ReverseLogistics.Domain.Returns.ReturnMethod;

namespace ReverseLogistics.Silo.Returns;

/// <summary>Renders a return's label from its record: the RMA, the customer, and the destination centre.</summary>
public static class ReturnLabels
{
    private static readonly ReturnLabelRenderer Renderer = new();

    /// <summary>The label in the asked format (PDF when unspecified); FAILED_PRECONDITION while the return has no label.</summary>
    public static V1.ReturnLabel ToProto(string returnId, ReturnRecord record, V1.LabelFormat format)
    {
        if (record.Rma.Timeline.All(e => e.Trigger != ReturnTrigger.IssueLabel) || record.Rma.State is ReturnState.Cancelled or ReturnState.Expired)
            throw new PreconditionFailedException(
                $"Return is in state {JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Rma.State.ToString())}; it has no label.");
        var labelFormat = format switch
        {
            V1.LabelFormat.Zpl => LabelFormat.Zpl,
            V1.LabelFormat.Png => LabelFormat.Png,
            _ => LabelFormat.Pdf,
        };
        var rendered = Render(returnId, record, labelFormat);
        return new V1.ReturnLabel
        {
            ReturnId = returnId,
            Format = format == V1.LabelFormat.Unspecified ? V1.LabelFormat.Pdf : format,
            ContentType = rendered.ContentType,
            Content = Google.Protobuf.ByteString.CopyFrom(rendered.Content),
            TrackingNumber = record.TrackingNumber ?? "",
            DestinationFulfillmentCenterId = record.Destination?.FulfillmentCenterId ?? "",
        };
    }

    public static RenderedLabel Render(string returnId, ReturnRecord record, LabelFormat format)
    {
        var address = record.Request.CustomerAddress;
        var destination = record.Destination ?? throw new InvalidOperationException($"Return {returnId} has no destination.");
        return Renderer.Render(new LabelRequest
        {
            RmaId = returnId,
            TenantDisplayName = record.TenantName,
            Method = record.Request.ReturnMethod switch
            {
                DomainMethod.CarrierPickup => Labels.ReturnMethod.CarrierPickup,
                DomainMethod.DropOffPoint => Labels.ReturnMethod.DropOffPoint,
                _ => Labels.ReturnMethod.InStore,
            },
            TrackingNumber = record.TrackingNumber,
            CarrierName = record.TrackingNumber is null ? null : "Platform returns",
            From = new LabelAddress
            {
                Name = record.CustomerName,
                StreetLines = address.Line2 is { } line2 ? [address.Line1, line2] : [address.Line1],
                City = address.City,
                PostalCode = address.PostalCode,
                Country = address.CountryCode,
            },
            To = ToLabel(destination),
            DestinationCentreId = destination.FulfillmentCenterId,
            CreatedAt = record.CreatedAt,
        }, format);
    }

    private static LabelAddress ToLabel(Destination destination) => new()
    {
        Name = destination.Name,
        StreetLines = destination.StreetLines,
        City = destination.City,
        PostalCode = destination.PostalCode,
        Country = destination.CountryCode,
    };
}

using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Labels;
using ReverseLogistics.Silo.Routing;
using DomainMethod = ReverseLogistics.Domain.Returns.ReturnMethod;

namespace ReverseLogistics.Silo.Returns;

/// <summary>Renders a return's label from its record: the RMA, the customer, and the destination centre.</summary>
public static class ReturnLabels
{
    private static readonly ReturnLabelRenderer Renderer = new();

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

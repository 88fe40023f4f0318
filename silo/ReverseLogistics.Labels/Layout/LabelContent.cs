using ReverseLogistics.Labels.Text;

namespace ReverseLogistics.Labels.Layout;

/// <summary>A validated request with every printed string already reduced to ASCII.</summary>
internal sealed record LabelContent(
    string RmaId,
    string Tenant,
    ReturnMethod Method,
    string? TrackingNumber,
    string CarrierLine,
    IReadOnlyList<string> FromLines,
    IReadOnlyList<string> ToLines,
    string CentreId,
    string Details,
    string QrPayload)
{
    public static LabelContent From(LabelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rmaId = LabelText.ToAscii(request.RmaId);
        var centreId = LabelText.ToAscii(request.DestinationCentreId);
        if (rmaId.Length == 0 || centreId.Length == 0)
        {
            throw new ArgumentException("A label needs an RMA id and a destination centre id.", nameof(request));
        }
        if (request.WeightGrams < 0)
        {
            throw new ArgumentException("Weight cannot be negative.", nameof(request));
        }
        var tracking = LabelText.ToAscii(request.TrackingNumber);
        if (request.Method == ReturnMethod.CarrierPickup && tracking.Length == 0)
        {
            throw new ArgumentException("A carrier pickup label needs a tracking number.", nameof(request));
        }

        return new LabelContent(
            rmaId,
            LabelText.ToAscii(request.TenantDisplayName),
            request.Method,
            request.Method == ReturnMethod.CarrierPickup ? tracking : null,
            LabelText.ToAscii($"{request.CarrierName} {request.Service}"),
            AddressLines(request.From),
            AddressLines(request.To),
            centreId,
            DetailLine(request),
            $"RMA:{rmaId};FC:{centreId}");
    }

    private static string[] AddressLines(LabelAddress address) =>
    [
        LabelText.ToAscii(address.Name),
        .. address.StreetLines.Select(LabelText.ToAscii).Where(line => line.Length > 0),
        LabelText.ToAscii($"{address.PostalCode} {address.City}"),
        LabelText.ToAscii(address.Country),
    ];

    private static string DetailLine(LabelRequest request)
    {
        var created = request.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return request.WeightGrams is { } grams
            ? $"{created}  {grams / 1000m:0.0##} KG"
            : created;
    }
}

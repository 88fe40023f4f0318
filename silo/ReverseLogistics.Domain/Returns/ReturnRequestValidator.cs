using System.Text.RegularExpressions;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>Checks a return request's shape and reports every violation by its request field path.</summary>
public static partial class ReturnRequestValidator
{
    public const int MaxLines = 100;
    public const int MaxReference = 100;
    public const int MaxNote = 1000;
    public const int MaxPhotos = 10;

    public static void Validate(ReturnRequest request)
    {
        var v = new Validator();
        RequireText(v, request.CustomerReference, "customer_reference", MaxReference);
        var address = request.CustomerAddress;
        v.Require(CountryCodes.IsAssigned(address.CountryCode), "customer_address.country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
        v.Require(PostalCode().IsMatch(address.PostalCode), "customer_address.postal_code", "1-12 letters, digits, spaces or hyphens");
        if (address.Location is { } location)
        {
            v.Require(double.IsFinite(location.Latitude) && location.Latitude is >= -90 and <= 90, "customer_address.latitude", "-90 to 90 degrees");
            v.Require(double.IsFinite(location.Longitude) && location.Longitude is >= -180 and <= 180, "customer_address.longitude", "-180 to 180 degrees");
        }
        v.Require(request.Lines.Count > 0, "lines", "at least one line");
        v.Require(request.Lines.Count <= MaxLines, "lines", $"at most {MaxLines} lines");
        v.Require(Enum.IsDefined(request.RequestedResolution), "requested_resolution", "required");
        v.Require(Enum.IsDefined(request.ReturnMethod), "return_method", "required");
        for (var i = 0; i < request.Lines.Count; i++)
            ValidateLine(v, request.Lines[i], $"lines[{i}]", request.CurrencyCode);
        v.ThrowIfInvalid();
    }

    private static void ValidateLine(Validator v, ReturnLine line, string path, string currency)
    {
        RequireText(v, line.OrderReference, $"{path}.order_reference", MaxReference);
        RequireText(v, line.Sku, $"{path}.sku", MaxReference);
        RequireText(v, line.Category, $"{path}.category", MaxReference);
        RequireText(v, line.ReasonCode, $"{path}.reason_code", MaxReference);
        v.Require(line.Quantity >= 1, $"{path}.quantity", "at least 1");
        v.Require(line.PurchasedQuantity >= 1, $"{path}.purchased_quantity", "at least 1");
        v.Require(line.UnitPrice.MinorUnits >= 0, $"{path}.unit_price.minor_units", "not negative");
        v.Require(Money.IsValidCurrencyCode(line.UnitPrice.CurrencyCode), $"{path}.unit_price.currency_code", "an ISO 4217 code, three upper-case letters");
        v.Require(line.UnitPrice.CurrencyCode == currency, $"{path}.unit_price.currency_code", $"every line must be in {currency}");
        v.Require(line.PurchasedAt != default, $"{path}.purchased_at", "required");
        v.Require(line.DeliveredAt is null || line.DeliveredAt >= line.PurchasedAt, $"{path}.delivered_at", "not before purchased_at");
        v.Require((line.Note?.Length ?? 0) <= MaxNote, $"{path}.note", $"at most {MaxNote} characters");
        v.Require(line.PhotoUrls.Count <= MaxPhotos, $"{path}.photo_urls", $"at most {MaxPhotos} photos");
        for (var p = 0; p < line.PhotoUrls.Count; p++)
            v.Require(IsHttpsUrl(line.PhotoUrls[p]), $"{path}.photo_urls[{p}]", "an absolute https URL");
    }

    private static void RequireText(Validator v, string value, string field, int max)
    {
        v.Require(!string.IsNullOrWhiteSpace(value), field, "required");
        v.Require(value.Length <= max, field, $"at most {max} characters");
    }

    private static bool IsHttpsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{0,11}$")]
    private static partial Regex PostalCode();
}

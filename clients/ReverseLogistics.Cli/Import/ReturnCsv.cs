using System.Globalization;
using CsvHelper;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Import;

/// <summary>
/// The columns of `rlctl returns import` (docs/rlctl.md): one single-line return per row. A row that does not make a
/// request says why, column by column, and is never sent.
/// </summary>
public static class ReturnCsv
{
    public static readonly string[] Required =
    [
        "order_reference", "customer_reference", "customer_name", "address_line1", "city", "postal_code", "country_code",
        "sku", "category", "unit_price_minor", "currency", "quantity", "reason", "method", "purchased_on",
    ];

    public static readonly string[] Optional = ["address_line2", "delivered_on", "resolution"];

    /// <summary>The request the current row spells, or the problems that stop it.</summary>
    public static (CreateReturnRequest? Request, IReadOnlyList<string> Problems) Read(CsvReader csv, IReadOnlySet<string> columns)
    {
        var problems = new List<string>();
        string Text(string column)
        {
            var value = csv.GetString(column)?.Trim() ?? "";
            if (value.Length == 0 && Required.Contains(column)) problems.Add($"{column}: required");
            return value;
        }
        string Optional(string column) => columns.Contains(column) ? csv.GetString(column)?.Trim() ?? "" : "";
        long Number(string column)
        {
            var text = Text(column);
            if (text.Length == 0) return 0;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add($"{column}: '{text}' is not a whole number");
            return 0;
        }
        Timestamp? Day(string column, string text)
        {
            if (text.Length == 0) return null;
            if (Times.TryParse(text, out var timestamp)) return timestamp;
            problems.Add($"{column}: '{text}' is not a date (YYYY-MM-DD)");
            return null;
        }
        T Choice<T>(string column, string text, T fallback) where T : struct, System.Enum
        {
            if (text.Length == 0) return fallback;
            if (Choices.TryParse<T>(text, out var value)) return value;
            problems.Add($"{column}: '{text}' is not one of {string.Join(", ", Choices.Names<T>())}");
            return fallback;
        }

        var quantity = Number("quantity");
        if (quantity is < int.MinValue or > int.MaxValue) problems.Add("quantity: out of range");
        var line = new ReturnLineInput
        {
            OrderReference = Text("order_reference"), Sku = Text("sku"), Category = Text("category"),
            Quantity = (int)Math.Clamp(quantity, int.MinValue, int.MaxValue), PurchasedQuantity = (int)Math.Clamp(quantity, int.MinValue, int.MaxValue),
            UnitPrice = new Money { MinorUnits = Number("unit_price_minor"), CurrencyCode = Text("currency") },
            PurchasedAt = Day("purchased_on", Text("purchased_on")),
            DeliveredAt = Day("delivered_on", Optional("delivered_on")),
            ReasonCode = Text("reason"),
        };
        var request = new CreateReturnRequest
        {
            CustomerReference = Text("customer_reference"),
            CustomerAddress = new Address
            {
                Name = Text("customer_name"), Line1 = Text("address_line1"), Line2 = Optional("address_line2"), City = Text("city"),
                PostalCode = Text("postal_code"), CountryCode = Text("country_code"),
            },
            Lines = { line },
            ReturnMethod = Choice("method", Text("method"), ReturnMethod.Unspecified),
            RequestedResolution = Choice("resolution", Optional("resolution"), Resolution.RefundToOriginalPayment),
        };
        return (problems.Count == 0 ? request : null, problems);
    }
}

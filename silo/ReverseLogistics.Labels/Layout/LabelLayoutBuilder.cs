using ReverseLogistics.Labels.Barcodes;

namespace ReverseLogistics.Labels.Layout;

/// <summary>
/// Places the label content on a 4x6 in page. Carrier pickups get a shipping label with the
/// tracking barcode; drop-off and in-store returns get a counter document led by a large QR code.
/// </summary>
internal static class LabelLayoutBuilder
{
    private const int MaxAddressLines = 6;

    public static LabelLayout Build(LabelContent content) =>
        content.TrackingNumber is { } tracking ? Carrier(content, tracking) : Counter(content);

    private static LabelLayout Carrier(LabelContent content, string tracking)
    {
        var cursor = new LayoutCursor();
        cursor.Text(content.Tenant, scale: 4);
        cursor.Text($"RETURN  {content.CarrierLine}", scale: 3);
        cursor.Rule();
        Address(cursor, "FROM", content.FromLines, scale: 2);
        cursor.Rule();
        Address(cursor, $"TO  {content.CentreId}", content.ToLines, scale: 3);
        cursor.Rule();

        var barcode = Code128.Encode(tracking);
        var moduleWidth = BarcodeModuleWidth(barcode);
        var element = new BarcodeElement(
            (LabelLayout.Width - barcode.TotalModules * moduleWidth) / 2, cursor.Y + 8, moduleWidth, 170, tracking, barcode);
        cursor.Place(element);
        cursor.Gap(element.Height + 20);
        cursor.Text(tracking, scale: 3, centred: true);
        cursor.Rule();

        var qr = QrMatrix.Encode(content.QrPayload);
        var moduleSize = Math.Clamp(300 / qr.Size, 2, 10);
        var qrTop = cursor.Y + QrMatrix.QuietZoneModules * moduleSize;
        var qrLeft = LayoutCursor.Margin + QrMatrix.QuietZoneModules * moduleSize;
        cursor.Place(new QrElement(qrLeft, qrTop, moduleSize, content.QrPayload, qr));

        var columnX = qrLeft + qr.Size * moduleSize + QrMatrix.QuietZoneModules * moduleSize + 10;
        var columnWidth = LabelLayout.Width - LayoutCursor.Margin - columnX;
        var bottomOfQr = qrTop + qr.Size * moduleSize;
        cursor.Gap(20);
        cursor.Text("RMA", scale: 2, x: columnX, maxWidth: columnWidth);
        cursor.Text(content.RmaId, scale: 4, x: columnX, maxWidth: columnWidth);
        cursor.Text(content.CentreId, scale: 3, x: columnX, maxWidth: columnWidth);
        cursor.Text(content.Details, scale: 2, x: columnX, maxWidth: columnWidth);
        cursor.Gap(Math.Max(0, bottomOfQr - cursor.Y));
        return cursor.ToLayout();
    }

    private static LabelLayout Counter(LabelContent content)
    {
        var cursor = new LayoutCursor();
        cursor.Text(content.Tenant, scale: 4);
        cursor.Text(content.Method == ReturnMethod.InStore ? "RETURN - SHOW IN STORE" : "RETURN - SHOW AT DROP-OFF POINT", scale: 3);
        cursor.Rule();

        var qr = QrMatrix.Encode(content.QrPayload);
        var moduleSize = Math.Clamp(520 / qr.Size, 2, 16);
        var width = qr.Size * moduleSize;
        cursor.Gap(QrMatrix.QuietZoneModules * moduleSize);
        cursor.Place(new QrElement((LabelLayout.Width - width) / 2, cursor.Y, moduleSize, content.QrPayload, qr));
        cursor.Gap(width + QrMatrix.QuietZoneModules * moduleSize);

        cursor.Text(content.RmaId, scale: 6, centred: true);
        cursor.Text($"{content.CentreId}  {content.Details}", scale: 2, centred: true);
        cursor.Rule();
        Address(cursor, "FROM", content.FromLines, scale: 2);
        cursor.Gap(6);
        Address(cursor, "TO", content.ToLines, scale: 2);
        return cursor.ToLayout();
    }

    private static void Address(LayoutCursor cursor, string heading, IReadOnlyList<string> lines, int scale)
    {
        cursor.Text(heading, scale: 2);
        foreach (var line in lines.Take(MaxAddressLines))
        {
            cursor.Text(line, scale);
        }
    }

    /// <summary>The widest whole-dot module (2 to 4 dots) that fits the symbol and both quiet zones on the page.</summary>
    private static int BarcodeModuleWidth(Code128Barcode barcode)
    {
        var modules = barcode.TotalModules + 2 * Code128Barcode.QuietZoneModules;
        var width = Math.Min(4, LabelLayout.Width / modules);
        return width >= 2
            ? width
            : throw new ArgumentException($"Tracking number is too long to print scannably ({modules} modules).");
    }
}

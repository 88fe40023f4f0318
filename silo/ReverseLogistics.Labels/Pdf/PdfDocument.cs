using System.Text;

namespace ReverseLogistics.Labels.Pdf;

/// <summary>
/// Assembles a minimal one-page PDF 1.4: catalog, page tree, one page, an uncompressed content
/// stream and the standard Helvetica font, followed by a cross-reference table with exact offsets.
/// </summary>
internal static class PdfDocument
{
    public static byte[] SinglePage(double widthPoints, double heightPoints, string content)
    {
        var contentBytes = Encoding.ASCII.GetBytes(content);
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PdfNumber.Format(widthPoints)} {PdfNumber.Format(heightPoints)}] "
                + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {contentBytes.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];

        using var pdf = new MemoryStream();
        // The comment of high bytes marks the file as binary for transfer tools.
        Write(pdf, "%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n", Encoding.Latin1);
        var offsets = new long[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = pdf.Position;
            Write(pdf, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xrefOffset = pdf.Position;
        var xref = new StringBuilder($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            xref.Append($"{offset:D10} 00000 n \n");
        }
        xref.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        Write(pdf, xref.ToString());
        return pdf.ToArray();
    }

    private static void Write(Stream stream, string text, Encoding? encoding = null) =>
        stream.Write((encoding ?? Encoding.ASCII).GetBytes(text));
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ReverseLogistics.Labels.Png;

/// <summary>Encodes a bitmap as a 1-bit grayscale PNG (black = 0, white = 1), with no filtering.</summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(MonochromeBitmap bitmap, int dotsPerInch)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", Header(bitmap));
        WriteChunk(png, "pHYs", PhysicalSize(dotsPerInch));
        WriteChunk(png, "IDAT", CompressedScanlines(bitmap));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Header(MonochromeBitmap bitmap)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, bitmap.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), bitmap.Height);
        header[8] = 1; // bit depth
        header[9] = 0; // colour type: grayscale
        // compression, filter method and interlace are all 0
        return header;
    }

    private static byte[] PhysicalSize(int dotsPerInch)
    {
        var pixelsPerMetre = (int)Math.Round(dotsPerInch / 0.0254);
        var chunk = new byte[9];
        BinaryPrimitives.WriteInt32BigEndian(chunk, pixelsPerMetre);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(4), pixelsPerMetre);
        chunk[8] = 1; // unit: metre
        return chunk;
    }

    private static byte[] CompressedScanlines(MonochromeBitmap bitmap)
    {
        var stride = (bitmap.Width + 7) / 8;
        var row = new byte[1 + stride]; // leading filter byte 0 = None
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < bitmap.Height; y++)
            {
                Array.Clear(row);
                for (var x = 0; x < bitmap.Width; x++)
                {
                    if (!bitmap.IsBlack(x, y))
                    {
                        row[1 + x / 8] |= (byte)(0x80 >> (x % 8));
                    }
                }
                zlib.Write(row);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeAndData));
        png.Write(word);
    }
}

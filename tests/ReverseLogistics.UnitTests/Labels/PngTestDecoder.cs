using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ReverseLogistics.Labels.Png;

namespace ReverseLogistics.UnitTests.Labels;

/// <summary>
/// Decodes the PNGs the label writer produces (1-bit grayscale, filter None), asserting the
/// signature, chunk order and every chunk CRC on the way. Returns true for black pixels.
/// </summary>
internal static class PngTestDecoder
{
    public sealed record Chunk(string Type, byte[] Data);

    public static IReadOnlyList<Chunk> ReadChunks(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var chunks = new List<Chunk>();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.Compute(typeAndData), crc);
            chunks.Add(new Chunk(Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            offset += 12 + length;
        }
        Assert.Equal(png.Length, offset);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        return chunks;
    }

    public static bool[,] Decode(byte[] png)
    {
        var chunks = ReadChunks(png);
        var header = chunks[0].Data;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        Assert.Equal(1, header[8]);  // bit depth
        Assert.Equal(0, header[9]);  // grayscale
        Assert.Equal(0, header[12]); // not interlaced

        using var compressed = new MemoryStream(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();

        var stride = (width + 7) / 8;
        Assert.Equal(height * (1 + stride), bytes.Length);
        var black = new bool[width, height];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + stride);
            Assert.Equal(0, bytes[row]); // filter type None
            for (var x = 0; x < width; x++)
            {
                black[x, y] = (bytes[row + 1 + x / 8] & (0x80 >> (x % 8))) == 0;
            }
        }
        return black;
    }
}

using QRCoder;

namespace ReverseLogistics.Labels.Barcodes;

/// <summary>The dark/light modules of a QR code, without its quiet zone.</summary>
public sealed class QrMatrix
{
    /// <summary>Quiet zone required on each side, in modules.</summary>
    public const int QuietZoneModules = 4;

    private readonly bool[,] _dark;

    private QrMatrix(bool[,] dark) => _dark = dark;

    public int Size => _dark.GetLength(0);

    public bool IsDark(int column, int row) => _dark[row, column];

    /// <summary>Encodes <paramref name="payload"/> with error correction level M.</summary>
    public static QrMatrix Encode(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        // QRCoder's matrix includes a 4-module quiet zone on every side; strip it.
        var size = data.ModuleMatrix.Count - 2 * QuietZoneModules;
        var dark = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                dark[row, column] = data.ModuleMatrix[row + QuietZoneModules][column + QuietZoneModules];
            }
        }
        return new QrMatrix(dark);
    }
}

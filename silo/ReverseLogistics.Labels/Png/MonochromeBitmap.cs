namespace ReverseLogistics.Labels.Png;

/// <summary>A white page of black-or-white pixels.</summary>
internal sealed class MonochromeBitmap
{
    private readonly bool[] _black;

    public MonochromeBitmap(int width, int height)
    {
        Width = width;
        Height = height;
        _black = new bool[width * height];
    }

    public int Width { get; }
    public int Height { get; }

    public bool IsBlack(int x, int y) => _black[y * Width + x];

    /// <summary>Fills a rectangle black, clipped to the page.</summary>
    public void Fill(int x, int y, int width, int height)
    {
        var left = Math.Max(0, x);
        var right = Math.Min(Width, x + width);
        var top = Math.Max(0, y);
        var bottom = Math.Min(Height, y + height);
        for (var row = top; row < bottom; row++)
        {
            Array.Fill(_black, true, row * Width + left, Math.Max(0, right - left));
        }
    }
}

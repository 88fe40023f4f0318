using ReverseLogistics.Labels.Text;

namespace ReverseLogistics.Labels.Layout;

/// <summary>Stacks elements down the page from a moving top edge.</summary>
internal sealed class LayoutCursor
{
    public const int Margin = 30;
    public const int ContentWidth = LabelLayout.Width - 2 * Margin;

    private readonly List<LabelElement> _elements = [];

    public int Y { get; private set; } = Margin;

    public void Gap(int dots) => Y += dots;

    /// <summary>Adds a line of text at <paramref name="x"/>, cut to fit <paramref name="maxWidth"/>.</summary>
    public void Text(string text, int scale, int x = Margin, int maxWidth = ContentWidth, bool centred = false)
    {
        var fitted = LabelText.Truncate(text, (maxWidth + scale) / (BitmapFont.Advance * scale));
        var left = centred ? (LabelLayout.Width - BitmapFont.MeasureWidth(fitted, scale)) / 2 : x;
        _elements.Add(new TextElement(left, Y, scale, fitted));
        // The line gap holds the descenders of g, j, p, q and y.
        Y += (BitmapFont.GlyphHeight + BitmapFont.Descent) * scale + 2;
    }

    public void Rule()
    {
        Gap(8);
        _elements.Add(new BoxElement(Margin, Y, ContentWidth, 4));
        Gap(4 + 12);
    }

    /// <summary>Adds an element whose position the caller worked out, without moving the cursor.</summary>
    public void Place(LabelElement element) => _elements.Add(element);

    public LabelLayout ToLayout()
    {
        if (Y > LabelLayout.Height - Margin)
        {
            throw new InvalidOperationException($"Label content runs to dot {Y}, past the bottom margin.");
        }
        return new LabelLayout(_elements.ToArray());
    }
}

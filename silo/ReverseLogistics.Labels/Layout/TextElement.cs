namespace ReverseLogistics.Labels.Layout;

/// <summary>One line of ASCII text; glyphs are <see cref="Text.BitmapFont"/> cells multiplied by Scale.</summary>
internal sealed record TextElement(int X, int Y, int Scale, string Text) : LabelElement(X, Y)
{
    public int Height => Labels.Text.BitmapFont.GlyphHeight * Scale;
}

using ReverseLogistics.Labels.Text;

namespace ReverseLogistics.UnitTests.Labels;

public sealed class LabelTextTests
{
    [Theory]
    [InlineData("Jörg Müller", "Jorg Muller")]
    [InlineData("Hauptstraße", "Hauptstrasse")]
    [InlineData("Łódź", "Lodz")]
    [InlineData("Ærøskøbing", "AEroskobing")]
    [InlineData("Café “Noir” – Paris", "Cafe \"Noir\" - Paris")]
    [InlineData("東京 Shop", "?? Shop")]
    [InlineData("Line\tbreak\n", "Line break")]
    public void Text_is_reduced_to_printable_ascii(string input, string expected)
    {
        Assert.Equal(expected, LabelText.ToAscii(input));
    }

    [Fact]
    public void Transliteration_table_pairs_up()
    {
        var (accented, plain) = LabelText.TableLengths;
        Assert.Equal(accented, plain);
    }

    [Fact]
    public void Truncation_marks_the_cut()
    {
        Assert.Equal("Returns...", LabelText.Truncate("Returns Centre Berlin", 10));
        Assert.Equal("Short", LabelText.Truncate("Short", 10));
    }

    [Fact]
    public void Font_covers_printable_ascii_with_5x7_glyphs_and_descenders()
    {
        Assert.Equal(95, BitmapFont.GlyphCount);
        Assert.All(BitmapFont.AllGlyphs, glyph => Assert.Matches(@"^([.#]{5} ){6}[.#]{5}( [.#]{5} [.#]{5})?$", glyph));
        var withDescenders = Enumerable.Range(' ', 95).Where(c => BitmapFont.AllGlyphs[c - ' '].Length > 41).Select(c => (char)c);
        Assert.Equal("gjpqy", string.Concat(withDescenders));
        // Every glyph but the space draws something, and no two printable characters look the same.
        Assert.Equal(94, BitmapFont.AllGlyphs.Count(glyph => glyph.Contains('#')));
        Assert.Equal(95, BitmapFont.AllGlyphs.Distinct().Count());
    }

    [Fact]
    public void Characters_outside_the_font_draw_as_a_question_mark()
    {
        for (var row = 0; row < BitmapFont.GlyphHeight; row++)
        {
            for (var column = 0; column < BitmapFont.GlyphWidth; column++)
            {
                Assert.Equal(BitmapFont.IsInked('?', column, row), BitmapFont.IsInked('é', column, row));
            }
        }
        Assert.Equal(3 * 6 * 2 - 2, BitmapFont.MeasureWidth("ABC", 2));
    }
}

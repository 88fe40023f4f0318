using ReverseLogistics.Labels.Barcodes;

namespace ReverseLogistics.UnitTests.Labels;

public sealed class Code128Tests
{
    [Fact]
    public void Pattern_table_matches_the_standard_shape()
    {
        Assert.Equal(107, Code128Patterns.Count);
        for (var value = 0; value < 106; value++)
        {
            Assert.Equal(11, Code128Patterns.For(value).Sum());
        }
        Assert.Equal(13, Code128Patterns.For(Code128Patterns.Stop).Sum());
        var distinct = Enumerable.Range(0, 107).Select(v => string.Concat(Code128Patterns.For(v))).Distinct().Count();
        Assert.Equal(107, distinct);
    }

    [Fact]
    public void Text_uses_code_set_B_with_the_hand_computed_checksum()
    {
        var barcode = Code128.Encode("RMA-7F3K2Q");

        // R=50 M=45 A=33 -=13 7=23 F=38 3=19 K=43 2=18 Q=49 (character minus 32).
        // 104 + 50*1 + 45*2 + 33*3 + 13*4 + 23*5 + 38*6 + 19*7 + 43*8 + 18*9 + 49*10 = 1867; 1867 % 103 = 13.
        int[] expected = [104, 50, 45, 33, 13, 23, 38, 19, 43, 18, 49, 13, 106];
        Assert.Equal(expected, barcode.Values);
        Assert.Equal([2, 1, 1, 2, 1, 4], barcode.Widths.Take(6));          // start B
        Assert.Equal([2, 3, 3, 1, 1, 1, 2], barcode.Widths.TakeLast(7));   // stop
        Assert.Equal(13 * 6 + 1, barcode.Widths.Count);
        Assert.Equal(12 * 11 + 13, barcode.TotalModules);
        Assert.Equal(12 * 3 + 4, barcode.BarCount);
    }

    [Fact]
    public void Digits_use_code_set_C_pairs()
    {
        // 105 + 12*1 + 34*2 + 56*3 + 78*4 = 665; 665 % 103 = 47.
        Assert.Equal([105, 12, 34, 56, 78, 47, 106], Code128.Encode("12345678").Values);
        Assert.Equal([2, 1, 1, 2, 3, 2], Code128.Encode("12345678").Widths.Take(6)); // start C
    }

    [Fact]
    public void Trailing_digit_run_switches_to_code_set_C()
    {
        // 104 + 33 + 34*2 + 99*3 + 12*4 + 34*5 + 56*6 = 1056; 1056 % 103 = 26.
        Assert.Equal([104, 33, 34, 99, 12, 34, 56, 26, 106], Code128.Encode("AB123456").Values);
    }

    [Fact]
    public void Odd_digit_run_keeps_its_first_digit_in_code_set_B()
    {
        // X=56, 1=17; 104 + 56 + 17*2 + 99*3 + 23*4 + 45*5 = 808; 808 % 103 = 87.
        Assert.Equal([104, 56, 17, 99, 23, 45, 87, 106], Code128.Encode("X12345").Values);
    }

    [Fact]
    public void Short_digit_run_in_the_middle_stays_in_code_set_B()
    {
        var values = Code128.Encode("A12B").Values;
        Assert.Equal([104, 33, 17, 18, 34], values.Take(5));
        Assert.DoesNotContain(Code128Patterns.CodeC, values);
    }

    [Theory]
    [InlineData("1Z999AA10123456784")]
    [InlineData("RMA-7F3K2Q")]
    [InlineData("00340434161234567890")]
    [InlineData("JJD0001234567 x")]
    public void Encodings_decode_back_to_the_input(string data)
    {
        Assert.Equal(data, Code128TestDecoder.Decode(Code128.Encode(data).Widths));
    }

    [Fact]
    public void Rejects_characters_outside_printable_ASCII()
    {
        Assert.Throws<ArgumentException>(() => Code128.Encode("AB\tC"));
        Assert.Throws<ArgumentException>(() => Code128.Encode("Größe"));
    }
}

using System.Text;
using ReverseLogistics.Labels.Barcodes;

namespace ReverseLogistics.UnitTests.Labels;

/// <summary>Turns measured bar/space widths (in modules) back into text, checking the checksum.</summary>
internal static class Code128TestDecoder
{
    public static string Decode(IReadOnlyList<int> widths)
    {
        var byPattern = Enumerable.Range(0, Code128Patterns.Count)
            .ToDictionary(value => string.Concat(Code128Patterns.For(value)), value => value);
        var values = new List<int>();
        for (var i = 0; i + 6 <= widths.Count; i += 6)
        {
            var pattern = string.Concat(widths.Skip(i).Take(i + 6 == widths.Count - 1 ? 7 : 6));
            values.Add(byPattern.TryGetValue(pattern, out var value)
                ? value
                : throw new FormatException($"No Code 128 symbol has widths {pattern}."));
        }
        Assert.Equal(Code128Patterns.Stop, values[^1]);
        Assert.Equal(Code128.Checksum(values[..^2]), values[^2]);

        var text = new StringBuilder();
        var setC = values[0] == Code128Patterns.StartC;
        foreach (var value in values.Skip(1).SkipLast(2))
        {
            if (value == Code128Patterns.CodeB || value == Code128Patterns.CodeC)
            {
                setC = value == Code128Patterns.CodeC;
            }
            else
            {
                text.Append(setC ? value.ToString("D2") : ((char)(value + ' ')).ToString());
            }
        }
        return text.ToString();
    }
}

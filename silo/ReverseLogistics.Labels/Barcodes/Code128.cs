namespace ReverseLogistics.Labels.Barcodes;

/// <summary>
/// Code 128 encoder using code sets B (printable ASCII) and C (digit pairs). Runs of digits switch
/// to set C when that makes the symbol shorter: at least 4 digits at either end, 6 in the middle.
/// </summary>
public static class Code128
{
    public static Code128Barcode Encode(string data)
    {
        ArgumentException.ThrowIfNullOrEmpty(data);
        if (data.Any(c => c < ' ' || c > '~'))
        {
            throw new ArgumentException("Code 128 set B/C only carries printable ASCII.", nameof(data));
        }

        var values = new List<int>();
        var leadingDigits = DigitRunAt(data, 0);
        var inSetC = leadingDigits >= 4 || (leadingDigits == 2 && data.Length == 2);
        values.Add(inSetC ? Code128Patterns.StartC : Code128Patterns.StartB);

        var i = 0;
        while (i < data.Length)
        {
            if (inSetC)
            {
                if (DigitRunAt(data, i) >= 2)
                {
                    values.Add((data[i] - '0') * 10 + (data[i + 1] - '0'));
                    i += 2;
                    continue;
                }
                values.Add(Code128Patterns.CodeB);
                inSetC = false;
            }

            var run = DigitRunAt(data, i);
            var reachesEnd = i + run == data.Length;
            if (run >= 6 || (run >= 4 && reachesEnd))
            {
                // An odd run keeps its first digit in set B so the rest pairs up in set C.
                if (run % 2 == 1)
                {
                    values.Add(data[i] - ' ');
                    i++;
                }
                values.Add(Code128Patterns.CodeC);
                inSetC = true;
                continue;
            }
            values.Add(data[i] - ' ');
            i++;
        }

        values.Add(Checksum(values));
        values.Add(Code128Patterns.Stop);
        return new Code128Barcode(values, values.SelectMany(Code128Patterns.For).ToArray());
    }

    /// <summary>Start value plus each following value weighted by its position, modulo 103.</summary>
    internal static int Checksum(IReadOnlyList<int> startAndData)
    {
        var sum = startAndData[0];
        for (var position = 1; position < startAndData.Count; position++)
        {
            sum += startAndData[position] * position;
        }
        return sum % 103;
    }

    private static int DigitRunAt(string data, int start)
    {
        var end = start;
        while (end < data.Length && char.IsAsciiDigit(data[end]))
        {
            end++;
        }
        return end - start;
    }
}

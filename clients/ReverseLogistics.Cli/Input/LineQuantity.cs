namespace ReverseLogistics.Cli.Input;

/// <summary>"LINE:QTY" as handheld receive takes it, e.g. 0:2 for two units of the first line.</summary>
public static class LineQuantity
{
    public static (int Line, int Quantity) Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out var line) && int.TryParse(parts[1], out var quantity)) return (line, quantity);
        throw new CliUsageException($"'{text}' is not LINE:QTY (the line's index from 0 and the units received, e.g. 0:2).");
    }
}

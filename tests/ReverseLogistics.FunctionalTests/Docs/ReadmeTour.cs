using System.Text.RegularExpressions;

namespace ReverseLogistics.FunctionalTests.Docs;

/// <summary>
/// The README's tour as a reader types it: the ```sh blocks of its "Tour" section, in order. The blocks whose every
/// command is a `dotnet` one (installing rlctl) are set-up a test does its own way; the others are the script to run.
/// </summary>
public sealed partial class ReadmeTour
{
    public const string Heading = "## Tour: from a fresh clone to a refunded return";

    private ReadmeTour(IReadOnlyList<string> setup, IReadOnlyList<string> blocks) => (SetupBlocks, Blocks) = (setup, blocks);

    public IReadOnlyList<string> SetupBlocks { get; }
    public IReadOnlyList<string> Blocks { get; }

    /// <summary>The blocks to run, one after the other, as one shell script.</summary>
    public string Script => string.Join("\n", Blocks);

    /// <summary>How many times the script calls rlctl: at the start of a command line or in a command substitution.</summary>
    public int RlctlCalls => Blocks.SelectMany(block => Commands(block)).Sum(line => RlctlCall().Count(line));

    public static ReadmeTour Read(string readme)
    {
        var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        var start = text.IndexOf("\n" + Heading + "\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"{readme} has no section '{Heading}'.");
        var end = text.IndexOf("\n## ", start + Heading.Length + 1, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        var blocks = ShellBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
        var setup = blocks.Where(b => Commands(b).All(line => line.StartsWith("dotnet ", StringComparison.Ordinal))).ToList();
        return new ReadmeTour(setup, blocks.Except(setup).ToList());
    }

    /// <summary>A block's command lines: continuation lines joined, blank lines, comments and here-document bodies left out.</summary>
    private static IEnumerable<string> Commands(string block)
    {
        string? hereDocumentEnd = null;
        foreach (var line in block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
        {
            if (hereDocumentEnd is not null)
            {
                if (line == hereDocumentEnd) hereDocumentEnd = null;
                continue;
            }
            if (line.Trim() is "" || line.TrimStart().StartsWith('#')) continue;
            if (HereDocument().Match(line) is { Success: true } here) hereDocumentEnd = here.Groups[1].Value;
            yield return line.Trim();
        }
    }

    [GeneratedRegex(@"^```sh\n(.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"(?:^|\$\()rlctl\s")]
    private static partial Regex RlctlCall();

    [GeneratedRegex(@"<<-?'?(\w+)'?")]
    private static partial Regex HereDocument();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace ReverseLogistics.FunctionalTests.Observability;

/// <summary>
/// A scrape of /metrics, parsed strictly: every line must be a HELP, a TYPE or a sample of a
/// declared family, or parsing fails the test.
/// </summary>
public sealed partial class MetricsScrape
{
    public sealed record Series(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private MetricsScrape(IReadOnlyList<Series> samples, IReadOnlyDictionary<string, string> types) =>
        (Samples, Types) = (samples, types);

    public IReadOnlyList<Series> Samples { get; }
    /// <summary>Family name → counter, gauge or histogram.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static MetricsScrape Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var samples = new List<Series>();
        var types = new Dictionary<string, string>();
        var helped = new HashSet<string>();
        foreach (var line in text[..^1].Split('\n'))
        {
            if (HelpLine().Match(line) is { Success: true } help)
            {
                Assert.True(helped.Add(help.Groups["name"].Value), $"Second HELP for {help.Groups["name"].Value}");
                continue;
            }
            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.True(types.TryAdd(type.Groups["name"].Value, type.Groups["type"].Value), $"Second TYPE: {line}");
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"Malformed line: '{line}'");
            var name = sample.Groups["name"].Value;
            Assert.True(types.ContainsKey(FamilyOf(name, types)), $"Sample before its TYPE: {line}");
            var labels = new Dictionary<string, string>();
            foreach (Match label in Label().Matches(sample.Groups["labels"].Value))
                Assert.True(labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value)), $"Repeated label: {line}");
            samples.Add(new Series(name, labels, ParseValue(sample.Groups["value"].Value)));
        }
        return new MetricsScrape(samples, types);
    }

    /// <summary>
    /// The one sample with this name and exactly these labels, or 0 when there is none yet. The exporter's
    /// otel_scope_* labels (which meter a series came from) are not part of a series' identity here.
    /// </summary>
    public double Value(string name, params (string Name, string Value)[] labels)
    {
        var matches = Samples.Where(s => s.Name == name && s.Labels.Keys.Count(k => !k.StartsWith("otel_scope_", StringComparison.Ordinal)) == labels.Length
            && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).ToList();
        Assert.True(matches.Count <= 1, $"{matches.Count} samples of {name} with the same labels");
        return matches.Count == 0 ? 0 : matches[0].Value;
    }

    private static string FamilyOf(string sample, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix) && types.GetValueOrDefault(sample[..^suffix.Length]) == "histogram")
                return sample[..^suffix.Length];
        }
        return sample;
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Unescape(string value) => EscapeSequence().Replace(value, m => m.Value[1] switch
    {
        'n' => "\n",
        var c => c.ToString(),
    });

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) .+$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    // Label values: any character but an unescaped backslash, quote or line feed.
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{(?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*""(?:,(?=[a-zA-Z_]))?)*\})? (?<value>[+-]Inf|NaN|-?[0-9.eE+-]+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\\n]|\\[\\""n])*)""")]
    private static partial Regex Label();

    [GeneratedRegex(@"\\[\\""n]")]
    private static partial Regex EscapeSequence();
}

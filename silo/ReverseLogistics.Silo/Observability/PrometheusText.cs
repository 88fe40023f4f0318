using System.Globalization;
using System.Text;

namespace ReverseLogistics.Silo.Observability;

/// <summary>Writes metrics in the Prometheus text exposition format, version 0.0.4.</summary>
public sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Family(string name, string type, string help) =>
        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    public void Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0) _text.Append(',');
                _text.Append(labels[i].Name).Append("=\"").Append(EscapeLabelValue(labels[i].Value)).Append('"');
            }
            _text.Append('}');
        }
        _text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    /// <summary>HELP text escapes backslash and line feed (quotes stay as they are).</summary>
    private static string EscapeHelp(string help) => help.Replace("\\", @"\\").Replace("\n", @"\n");

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}

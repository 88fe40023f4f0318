using Google.Protobuf;
using Spectre.Console.Rendering;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>An analytics answer ready to print: the response (for JSON), its sheet (table and CSV) and the charts under the table.</summary>
public sealed record AnalyticsView(IMessage Response, Sheet Sheet, IReadOnlyList<IRenderable> Charts)
{
    /// <summary>Tables for people after the main one (money per currency): not part of the CSV, which is the main sheet's.</summary>
    public IReadOnlyList<Sheet> MoreSheets { get; init; } = [];

    /// <summary>Lines for people after the table and charts (what the figures compare with, the fastest-growing reason).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

namespace ReverseLogistics.Cli.Demo;

/// <summary>
/// One way through the platform the demo takes a return: its steps as they ran, and, when it did not end where it
/// should, why and the exit code that says so.
/// </summary>
public sealed class DemoPath(string name, string title, IReadOnlyList<string> covers)
{
    public string Name => name;
    public string Title => title;
    /// <summary>The paths of a return it shows, e.g. "manual-review", "partial-receipt".</summary>
    public IReadOnlyList<string> Covers => covers;
    public string ReturnId { get; set; } = "";
    public List<DemoStep> Steps { get; } = [];
    /// <summary>Entries on the return's timeline once the path is done.</summary>
    public int TimelineEvents { get; set; }
    public string? Failure { get; private set; }
    public int ExitCode { get; private set; }
    public bool Ok => Failure is null;
    public string FinalStatus => Steps.LastOrDefault(s => s.Status.Length > 0)?.Status ?? "";

    public void Fail(string failure, int exitCode) => (Failure, ExitCode) = (failure, exitCode);
}

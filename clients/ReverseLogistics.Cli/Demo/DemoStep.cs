namespace ReverseLogistics.Cli.Demo;

/// <summary>One step of a demo path: what was done, the return's state after it (the API's name), whether it was the one expected, and what it showed.</summary>
public sealed record DemoStep(string Action, string Status, bool Ok, string Detail);

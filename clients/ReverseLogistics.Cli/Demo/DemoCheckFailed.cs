namespace ReverseLogistics.Cli.Demo;

/// <summary>A demo step answered, but the return is not where it should be: the path stops there.</summary>
public sealed class DemoCheckFailed(string message) : Exception(message);

namespace ReverseLogistics.Silo.Sweeps;

/// <summary>What one run of a timer sweep did: returns found due, moved, and failed (retried on the next run).</summary>
public sealed record SweepResult(string Kind, DateTime Now, int Due, int Fired, int Failed);

using System.Diagnostics;

namespace ReverseLogistics.Storage;

/// <summary>
/// Spans for the store's work in the caller's trace. Commits are written by the group-commit queue on
/// its own task, so a commit span is what ties a call's trace to the transaction that made it durable.
/// </summary>
public static class StoreTracing
{
    public const string SourceName = "ReverseLogistics.Storage";

    internal static readonly ActivitySource Source = new(SourceName);
}

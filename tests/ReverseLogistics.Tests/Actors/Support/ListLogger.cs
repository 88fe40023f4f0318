using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReverseLogistics.Tests.Actors.Support;

public sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);

/// <summary>Keeps every log entry with its structured fields.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(field => field.Key, field => field.Value);
        Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), fields));
    }
}

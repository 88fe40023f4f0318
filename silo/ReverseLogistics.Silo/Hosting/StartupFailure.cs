using System.Net.Sockets;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>How a failed start is told: one line on standard error and a non-zero exit code.</summary>
public static class StartupFailure
{
    /// <summary>Bad settings: the command was wrong.</summary>
    public const int InvalidSettings = 2;
    /// <summary>The settings were fine but the node could not start (port taken, directory locked, store down).</summary>
    public const int CannotStart = 1;

    public static int Report(string problem, int exitCode = InvalidSettings)
    {
        Console.Error.WriteLine($"error: {problem}");
        return exitCode;
    }

    /// <summary>The one line for a failure the operator can act on, or null for a bug (whose stack trace is the useful part).</summary>
    public static string? Describe(Exception exception, SiloOptions options) => exception switch
    {
        StartupException startup => startup.Message,
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } =>
            $"A port this node needs on {options.Host} (gRPC {options.Port}, the admin port or the silo port) is already in use; stop what holds it or choose others with --port, --admin-port or --silo-port.",
        Microsoft.Data.Sqlite.SqliteException sqlite =>
            $"The SQLite store in '{Path.GetFullPath(options.DataDirectory)}' cannot be used: {sqlite.Message}",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0], options),
        _ => null,
    };
}

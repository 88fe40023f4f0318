using Orleans.Runtime;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>
/// What the node does when Orleans meets a fatal error, such as the cluster declaring this silo dead:
/// Orleans' default ends the process at once (Environment.FailFast). This stops the node instead, so
/// its gRPC port closes and health reports NOT_SERVING the usual way, and the command exits non-zero for
/// a supervisor (systemd, Kubernetes) to restart it. In-process test hosts survive a silo's death.
/// </summary>
public sealed partial class NodeFatalErrorHandler(IHostApplicationLifetime lifetime, ILogger<NodeFatalErrorHandler> logger) : IFatalErrorHandler
{
    /// <summary>Why the node stopped itself, once it has; the command reports it.</summary>
    public string? Reason { get; private set; }

    public bool IsUnexpected(Exception exception) => exception is not OperationCanceledException;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        Reason ??= context ?? exception?.Message ?? "a fatal Orleans error";
        LogFatal(exception, Reason);
        lifetime.StopApplication();
    }

    [LoggerMessage(LogLevel.Critical, "Stopping the node: {Reason}")]
    private partial void LogFatal(Exception? exception, string reason);
}

using System.Net;
using System.Net.Sockets;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Runs a node from configuration; every start-up failure an operator can fix ends in one line and a non-zero exit.</summary>
public static class SiloRunner
{
    public static async Task<int> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (options, problems) = SiloSettings.Read(configuration);
        if (options is null)
        {
            foreach (var problem in problems) StartupFailure.Report(problem);
            return StartupFailure.InvalidSettings;
        }

        try
        {
            // Before anything is written: a port in use is found now, not after the store was migrated.
            RequireFreePort(options, options.Port, "--port");
            if (options.AdminPort is { } adminPort) RequireFreePort(options, adminPort, "--admin-port");
            RequireFreePort(options, options.Cluster.SiloPortFor(options.Store), "--silo-port");
            await using var app = SiloHost.Build(options, configuration);
            // Resolved before the run: RunAsync disposes the container when the host stops.
            var fatalErrors = app.Services.GetRequiredService<NodeFatalErrorHandler>();
            await app.RunAsync(cancellationToken);
            return fatalErrors.Reason is { } reason
                ? StartupFailure.Report($"The node stopped itself: {reason}", StartupFailure.CannotStart)
                : 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e, options) is { } line)
        {
            return StartupFailure.Report(line, StartupFailure.CannotStart);
        }
    }

    private static void RequireFreePort(SiloOptions options, int port, string flag)
    {
        if (port == 0) return;
        var listener = new TcpListener(KestrelExtensions.ParseAddress(options.Host), port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            var reason = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "is already in use" : "needs privileges this user lacks";
            throw new StartupException($"Port {port} on {options.Host} {reason}; choose another with {flag}.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw new StartupException($"{options.Host} is not an address of this machine; choose another with --host.");
        }
        finally
        {
            listener.Stop();
        }
    }
}

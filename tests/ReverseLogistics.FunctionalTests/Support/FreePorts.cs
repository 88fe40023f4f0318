using System.Net;
using System.Net.Sockets;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>
/// Loopback ports nothing listens on, never handed out twice in one test process: for in-process silos'
/// Orleans ports (a silo restarted on the port of one that just stopped would meet that one's membership
/// entry under another generation) and for tests that need a port where no server answers. Below the OS's
/// ephemeral range, so Kestrel's own free ports never collide with them.
/// </summary>
public static class FreePorts
{
    private static int _next = 20_000 + Environment.ProcessId % 40 * 250;

    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            using var probe = new TcpListener(IPAddress.Loopback, port);
            try
            {
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something else on this machine: try the next one.
            }
            finally
            {
                probe.Stop();
            }
        }
    }
}

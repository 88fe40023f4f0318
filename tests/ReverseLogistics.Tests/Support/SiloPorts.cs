using System.Net;
using System.Net.Sockets;

namespace ReverseLogistics.Tests.Support;

/// <summary>
/// Orleans silo ports for in-process silos, never handed out twice in one test process: a silo restarted on
/// the port of one that just stopped would meet that one's membership entry (same address, another
/// generation, and in tests a clock moved ahead) and be declared dead. Below the OS's ephemeral range, so
/// Kestrel's own free ports never collide with them.
/// </summary>
public static class SiloPorts
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

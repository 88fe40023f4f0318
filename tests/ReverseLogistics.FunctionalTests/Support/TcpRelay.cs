using System.Net;
using System.Net.Sockets;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>
/// A loopback TCP relay in front of a real server, so a test can take the server off the network and bring it
/// back: while cut, open connections are reset and new ones are accepted and reset at once, as a dropped link
/// or a restarting server would look to a client.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<Socket> open = [];
    private readonly Task accepting;
    private bool cut;

    public TcpRelay(string targetHost, int targetPort)
    {
        target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Resets every relayed connection and every new one until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (gate)
        {
            cut = true;
            foreach (var socket in open) Reset(socket);
            open.Clear();
        }
    }

    public void Restore()
    {
        lock (gate) cut = false;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        lock (gate)
        {
            if (cut)
            {
                Reset(client);
                server.Dispose();
                return;
            }
            open.Add(client);
            open.Add(server);
        }
        try
        {
            await server.ConnectAsync(target, stopping.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The relay was cut or stopped under this connection.
        }
        finally
        {
            lock (gate)
            {
                open.Remove(client);
                open.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away; the caller tears both down.
        }
    }

    /// <summary>Closes with RST rather than FIN, as a failed link does.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        stopping.Dispose();
    }
}

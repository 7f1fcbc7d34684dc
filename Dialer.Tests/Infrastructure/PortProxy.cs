using System.Net;
using System.Net.Sockets;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// A shared server (RabbitMQ, PostgreSQL) on a port of its own that the test opens and closes: closed, the server is
/// down for whoever uses that port (connections refused, those open cut), while the shared server itself stays up
/// for everyone else; open, every connection is passed through to it.
/// </summary>
public sealed class PortProxy(int serverPort) : IAsyncDisposable
{
    public const int RabbitMq = 5672;
    public const int PostgreSql = 5432;

    public int Port { get; } = WorkerFactory.FreePort();
    TcpListener? _listener;
    CancellationTokenSource? _open;
    readonly List<TcpClient> _connections = [];
    int _openConnections;

    /// <summary>Client connections passed through to the server and still open.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    public void Open()
    {
        _open = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _open.Token);
    }

    /// <summary>The server goes away for this port's users: new connections are refused, open ones cut.</summary>
    public void Close()
    {
        _open?.Cancel();
        _listener?.Stop();
        lock (_connections)
        {
            foreach (var c in _connections) c.Dispose();
            _connections.Clear();
        }
    }

    async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception) { return; }
            var server = new TcpClient();
            try { await server.ConnectAsync(IPAddress.Loopback, serverPort, ct); }
            catch (Exception)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }
            lock (_connections) _connections.AddRange([client, server]);
            Interlocked.Increment(ref _openConnections);
            _ = Task.WhenAny(PumpAsync(client, server, ct), PumpAsync(server, client, ct))
                .ContinueWith(_ => Interlocked.Decrement(ref _openConnections), TaskScheduler.Default);
        }
    }

    static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), ct); }
        catch (Exception) { }
        from.Dispose();
        to.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}

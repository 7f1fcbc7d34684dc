using System.Net;
using System.Net.Sockets;

namespace Dialer.Tests.Changes;

/// <summary>
/// RabbitMQ on a port of its own that the test opens and closes: closed, the broker is down for whoever uses that port
/// (the shared broker itself stays up for everyone else); open, every connection is passed through to it.
/// </summary>
public sealed class BrokerProxy(int brokerPort = 5672) : IAsyncDisposable
{
    public int Port { get; } = Infrastructure.WorkerFactory.FreePort();
    TcpListener? _listener;
    CancellationTokenSource? _open;
    readonly List<TcpClient> _connections = [];

    public void Open()
    {
        _open = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _open.Token);
    }

    async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception) { return; }
            var broker = new TcpClient();
            try { await broker.ConnectAsync(IPAddress.Loopback, brokerPort, ct); }
            catch (Exception)
            {
                client.Dispose();
                broker.Dispose();
                continue;
            }
            lock (_connections) _connections.AddRange([client, broker]);
            _ = PumpAsync(client, broker, ct);
            _ = PumpAsync(broker, client, ct);
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
        _open?.Cancel();
        _listener?.Stop();
        lock (_connections) foreach (var c in _connections) c.Dispose();
        return ValueTask.CompletedTask;
    }
}

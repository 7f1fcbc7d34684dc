using System.Net;
using System.Net.Sockets;
using Dialer.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// A real Worker on Kestrel (the simulator must reach its webhooks over HTTP), on the given database and
/// simulator, with its own queues on the real RabbitMQ.
/// </summary>
public sealed class WorkerFactory(string connectionString, Uri simulator, string queuePrefix,
    IDictionary<string, string?>? settings = null, int? port = null, ILoggerProvider? logs = null)
    : WebApplicationFactory<WorkerMarker>
{
    public int Port { get; } = port ?? FreePort();
    public string PublicUrl => $"http://127.0.0.1:{Port}";
    public int ManagementPort { get; } = FreePort();
    /// <summary>Where health and /metrics answer.</summary>
    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}";

    /// <summary>
    /// Waits (at most <paramref name="patience"/>, then goes on) for /health/ready, whose checks include the bus's:
    /// the host starts without waiting for its receive endpoints, and a message a test publishes before its queue is
    /// bound is dropped by RabbitMQ (a world's queues are new).
    /// </summary>
    public async Task WaitForReadyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(ManagementUrl + Dialer.ServiceDefaults.Health.DialerHealth.ReadyPath))
                    .IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // the sample secrets of appsettings.json are for Development only (SampleSecrets)
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dialer", connectionString);
        builder.UseSetting("Twilio:ApiBaseUrl", simulator.ToString());
        builder.UseSetting("Twilio:PublicWebhookBaseUrl", PublicUrl);
        builder.UseSetting("Twilio:FallbackWebhookBaseUrl", PublicUrl);
        builder.UseSetting("Twilio:AccountCallsPerSecond", "200");
        builder.UseSetting("Twilio:RequestTimeoutSeconds", "2");
        builder.UseSetting("RabbitMq:EndpointPrefix", queuePrefix);
        builder.UseSetting("RabbitMq:QueueExpirySeconds", "600");
        builder.UseSetting("Twilio:RingTimeoutSeconds", "15");
        builder.UseSetting("Twilio:StaleCallCheckSeconds", "8");
        // the worlds seed Running campaigns without Quartz jobs and dial them by hand: the repair would pace them
        builder.UseSetting("Scheduling:TriggerRepairSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        // the public address and the management one (health, /metrics): UseKestrel(port) would leave only the first
        builder.UseSetting("urls", PublicUrl);
        builder.UseSetting("Management:Port", ManagementPort.ToString());
        if (logs is not null) builder.ConfigureLogging(l => l.AddProvider(logs));
        UseKestrel();
    }

    /// <summary>
    /// A free port below Linux's ephemeral range (32768 and up): a port handed out here and bound later (a Kestrel
    /// started after its world) cannot be taken meanwhile by an outgoing connection, and none is handed out twice.
    /// </summary>
    public static int FreePort()
    {
        lock (HandedOut)
            while (true)
            {
                var port = Random.Shared.Next(20_000, 32_000);
                if (!HandedOut.Add(port)) continue;
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException) { } // in use: draw again
            }
    }

    static readonly HashSet<int> HandedOut = [];
}

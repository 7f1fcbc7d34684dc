using Dialer.Core.OutboundWebhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dialer.ServiceDefaults.OutboundWebhooks;

/// <summary>
/// Keeps <see cref="WebhookInterest"/>: LISTENs on the channel a trigger on webhook_subscriptions notifies (migration
/// WebhookInterestNotify), loads the event types subscribed, forgets them on each notification before loading again,
/// and reloads every 30 s besides. A lost connection leaves the interest unknown (every change fans out) until it is
/// back.
/// </summary>
public sealed class WebhookInterestListener(string connectionString, WebhookInterest interest,
    ILogger<WebhookInterestListener> log) : BackgroundService
{
    public const string Channel = "webhook_subscriptions";
    static readonly TimeSpan Reload = TimeSpan.FromSeconds(30), Retry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                interest.Forget();
                log.LogWarning(e,
                    "Webhook subscriptions' notifications lost; every change fans out until they are back");
                await Task.Delay(Retry, ct);
            }
        }
    }

    async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, KeepAlive = 10, ApplicationName = "webhook-interest",
        }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, _) => interest.Forget();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        interest.Forget(); // what was known before this connection listened may be stale
        while (true)
        {
            await LoadAsync(connection, ct);
            await connection.WaitAsync(Reload, ct); // a notification (Forget runs) or the reload's time
        }
    }

    async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        while (true)
        {
            var generation = interest.Generation;
            var events = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand(
                "SELECT DISTINCT unnest(events) FROM webhook_subscriptions", connection))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) events.Add(reader.GetString(0));
            if (interest.Know(events, generation)) return;
        }
    }
}

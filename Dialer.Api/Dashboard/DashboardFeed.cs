using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dialer.Core.Data;
using Dialer.Core.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Dialer.Api.Dashboard;

/// <summary>
/// Turns the stream of call and campaign events into dashboard updates. An event only marks its campaign
/// changed; a few times a second the changed campaigns are re-read from PostgreSQL in one query and pushed,
/// so a burst of a thousand events costs one query, and the figures are always the database's, never drift.
/// The pause between reads grows with the time a read takes, so a slow database is not pushed harder.
/// </summary>
public sealed class DashboardFeed(
    IServiceScopeFactory scopes, IHubContext<DashboardHub> hub, DialerMetrics metrics, TimeProvider clock, ILogger<DashboardFeed> log)
    : BackgroundService
{
    static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(200);
    static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(750); // updates must still land within a second
    readonly ConcurrentDictionary<Guid, byte> _changed = new();
    readonly ConcurrentDictionary<Guid, long> _inFlight = new();
    readonly ConcurrentDictionary<Guid, double> _abandonRate = new();

    public void Changed(Guid campaignId) => _changed[campaignId] = 0;

    /// <summary>The latest figures seen, for the attempts_in_flight and abandon_rate gauges.</summary>
    public void Remember(IEnumerable<CampaignFigures> figures)
    {
        foreach (var f in figures)
        {
            _inFlight[f.CampaignId] = f.LinesInFlight;
            _abandonRate[f.CampaignId] = f.AbandonRate;
        }
    }

    static KeyValuePair<string, object?> Campaign(Guid id) => new("campaign_id", id.ToString());

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        metrics.ObserveInFlight(() => _inFlight.Select(kv => new Measurement<long>(kv.Value, Campaign(kv.Key))));
        metrics.ObserveAbandonRate(() => _abandonRate.Select(kv => new Measurement<double>(kv.Value, Campaign(kv.Key))));
        var pause = MinPause;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(pause, clock, stop);
            if (_changed.IsEmpty) continue;
            var ids = _changed.Keys.ToArray();
            foreach (var id in ids) _changed.TryRemove(id, out _);

            var started = clock.GetTimestamp();
            try
            {
                await PushAsync(ids, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Dashboard update of {Count} campaigns failed; retrying", ids.Length);
                foreach (var id in ids) Changed(id);
            }
            var took = clock.GetElapsedTime(started);
            pause = TimeSpan.FromTicks(Math.Clamp(took.Ticks * 2, MinPause.Ticks, MaxPause.Ticks));
        }
    }

    async Task PushAsync(Guid[] ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var figures = await CampaignFigures.ForAsync(db, ids, clock.GetUtcNow(), ct);
        Remember(figures);
        foreach (var f in figures)
            await hub.Clients.All.SendAsync(DashboardHub.CampaignMessage, f, ct);
    }
}

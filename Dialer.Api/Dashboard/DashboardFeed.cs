using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Dialer.Api.Dashboard;

/// <summary>
/// The campaigns' figures on the dashboards, live (see <see cref="CoalescingFeed"/>); also the per-campaign gauges.
/// </summary>
public sealed class DashboardFeed(
    IServiceScopeFactory scopes, IHubContext<DashboardHub> hub, DialerMetrics metrics, TimeProvider clock,
    ILogger<DashboardFeed> log)
    // updates must still land within a second
    : CoalescingFeed(clock, log, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(750))
{
    readonly ConcurrentDictionary<Guid, long> _inFlight = new();
    readonly ConcurrentDictionary<Guid, double> _abandonRate = new();

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

    protected override string Keys => "campaigns";

    protected override Task ExecuteAsync(CancellationToken stop)
    {
        metrics.ObserveInFlight(() => _inFlight.Select(kv => new Measurement<long>(kv.Value, Campaign(kv.Key))));
        metrics.ObserveAbandonRate(() => _abandonRate.Select(
            kv => new Measurement<double>(kv.Value, Campaign(kv.Key))));
        return base.ExecuteAsync(stop);
    }

    protected override async Task PushAsync(Guid[] ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var figures = await CampaignFigures.ForAsync(db, ids, null, Clock.GetUtcNow(), ct);
        Remember(figures);
        foreach (var f in figures)
            await DashboardHub.ForTeam(hub.Clients, f.TeamId).SendAsync(DashboardHub.CampaignMessage, f, ct);
    }
}

using System.Collections.Concurrent;
using Dialer.Core.Data;
using Microsoft.AspNetCore.SignalR;
using Dialer.Api.Dashboard;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// Keeps the dashboards' agent walls live: an agent event marks the agent changed, and a few times a second the
/// changed agents' rows are re-read in one query and pushed as one "agents" message, so a burst of events from a
/// thousand agents costs one query and the figures are always the database's.
/// </summary>
public sealed class AgentWallFeed(IServiceScopeFactory scopes, IHubContext<DashboardHub> hub, TimeProvider clock, ILogger<AgentWallFeed> log)
    : BackgroundService
{
    public const string AgentsMessage = "agents";
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);
    readonly ConcurrentDictionary<Guid, byte> _changed = new();

    public void Changed(Guid agentId) => _changed[agentId] = 0;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Pause, clock, stop);
            if (_changed.IsEmpty) continue;
            var ids = _changed.Keys.ToArray();
            foreach (var id in ids) _changed.TryRemove(id, out _);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
                var rows = await AgentWallQuery.ForAsync(db, ids, clock.GetUtcNow(), stop);
                await hub.Clients.All.SendAsync(AgentsMessage, rows, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Agent wall update of {Count} agents failed; retrying", ids.Length);
                foreach (var id in ids) Changed(id);
            }
        }
    }
}

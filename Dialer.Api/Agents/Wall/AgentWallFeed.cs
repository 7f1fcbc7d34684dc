using Dialer.Api.Dashboard;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// Keeps the dashboards' agent walls live (see <see cref="CoalescingFeed"/>): the changed agents' rows, re-read in one
/// query, pushed as one "agents" message four times a second.
/// </summary>
public sealed class AgentWallFeed(IServiceScopeFactory scopes, IHubContext<DashboardHub> hub,
    IOptions<AgentLimits> limits, TimeProvider clock, ILogger<AgentWallFeed> log)
    : CoalescingFeed(clock, log, Pause, Pause)
{
    public const string AgentsMessage = "agents";
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    protected override string Keys => "agents";

    protected override async Task PushAsync(Guid[] ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var rows = await AgentWallQuery.ForAsync(db, ids, null, limits.Value, Clock.GetUtcNow(), ct);
        foreach (var team in rows.GroupBy(r => r.TeamId))
            await DashboardHub.ForTeam(hub.Clients, team.Key).SendAsync(AgentsMessage, team.ToList(), ct);
    }
}

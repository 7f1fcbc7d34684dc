using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Dialer.Api.Dashboard;

/// <summary>
/// Managers' live view: the server pushes "campaign" messages (a <see cref="CampaignFigures"/>) and the agent wall's
/// rows to the connected dashboards of the object's team (and to admins'); the page asks nothing of the hub, it reads
/// its first snapshot over REST.
/// </summary>
public sealed class DashboardHub : Hub
{
    public const string Path = "/hubs/dashboard";
    public const string CampaignMessage = "campaign";
    const string EveryTeam = "team:*";

    static string TeamGroup(Guid team) => "team:" + team;

    /// <summary>The dashboards that may see an object of <paramref name="team"/>: its own and admins'.</summary>
    public static IClientProxy ForTeam(IHubClients clients, Guid team) => clients.Groups(EveryTeam, TeamGroup(team));

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var group = user.IsInRole(nameof(Role.Admin)) ? EveryTeam
            : TeamGroup(Guid.Parse(user.FindFirstValue(DialerClaims.TeamId)!));
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await base.OnConnectedAsync();
    }
}

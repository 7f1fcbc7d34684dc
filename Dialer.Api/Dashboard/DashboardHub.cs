using Microsoft.AspNetCore.SignalR;

namespace Dialer.Api.Dashboard;

/// <summary>
/// Managers' live view: the server pushes "campaign" messages (a <see cref="CampaignFigures"/>) to every
/// connected dashboard; the page asks nothing of the hub, it reads its first snapshot over REST.
/// </summary>
public sealed class DashboardHub : Hub
{
    public const string Path = "/hubs/dashboard";
    public const string CampaignMessage = "campaign";
}

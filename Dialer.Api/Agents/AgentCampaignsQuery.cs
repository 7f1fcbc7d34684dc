using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Pacing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// The campaigns an agent may log in to (those assigned to them), by name and mode: the console's choice list (agents
/// cannot read campaigns).
/// </summary>
public static class AgentCampaignsQuery
{
    public sealed record AgentCampaign(Guid Id, string Name, CampaignStatus Status, DialingMode Mode);

    public static async Task<Ok<AgentCampaign[]>> ListAsync(DialerDb db, Teams.TeamScope scope, CancellationToken ct)
    {
        var live = await db.Campaigns.AsNoTracking().Where(c => scope.AssignedCampaignIds.Contains(c.Id))
            .Where(c => c.Status == CampaignStatus.Running || c.Status == CampaignStatus.Paused
                || c.Status == CampaignStatus.Scheduled)
            .OrderBy(c => c.Name).ToListAsync(ct);
        return TypedResults.Ok(live.Select(c => new AgentCampaign(c.Id, c.Name, c.Status, c.Settings.Mode)).ToArray());
    }
}

using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Data;
using Dialer.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Teams;

/// <summary>
/// Which agents work a campaign: a manager of the campaign's team (or an admin) assigns them. An agent may log in to,
/// preview and be handed the contacts of only the campaigns they are assigned to.
/// </summary>
public static class CampaignAgentsApi
{
    public sealed record AssignedAgent(Guid AgentId, string Name, DateTimeOffset AssignedAt);

    /// <param name="campaign">the /api/campaigns/{id} group (team-scoped by it)</param>
    public static RouteGroupBuilder MapCampaignAgentsApi(this RouteGroupBuilder campaign)
    {
        var agents = campaign.MapGroup("/agents").RequireAuthorization(Policies.Manager);
        agents.MapGet("/", List);
        agents.MapPut("/{agentId:guid}", Assign).RequireTeamScope(TeamObject.Agent, "agentId");
        agents.MapDelete("/{agentId:guid}", Unassign).RequireTeamScope(TeamObject.Agent, "agentId")
            .WithDescription("The agent stops taking the campaign's calls at once: it leaves the campaigns they are "
                + "logged in to.");
        return campaign;
    }

    static async Task<Ok<List<AssignedAgent>>> List(Guid id, DialerDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.CampaignAgents.AsNoTracking().Where(a => a.CampaignId == id)
            .Join(db.Agents, a => a.AgentId, g => g.Id, (a, g) => new { g.Id, g.Name, a.AssignedAt })
            .OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => new AssignedAgent(a.Id, a.Name, a.AssignedAt))
            .ToListAsync(ct));

    static async Task<Results<NoContent, ValidationProblem>> Assign(Guid id, Guid agentId, ClaimsPrincipal user,
        DialerDb db, TimeProvider clock, CancellationToken ct)
    {
        var campaignTeam = await db.Campaigns.Where(c => c.Id == id).Select(c => c.TeamId).SingleAsync(ct);
        var agentTeam = await db.Agents.Where(a => a.Id == agentId).Select(a => a.TeamId).SingleAsync(ct);
        if (campaignTeam != agentTeam) // only an admin, who sees both teams, gets this far with two
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["agentId"] = ["The agent is in another team than the campaign: move the agent's user first."] });
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO campaign_agents (campaign_id, agent_id, assigned_at, assigned_by)
            VALUES ({id}, {agentId}, {clock.GetUtcNow()}, {user.AuditId()}) ON CONFLICT DO NOTHING
            """, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound>> Unassign(Guid id, Guid agentId, DialerDb db, CancellationToken ct)
    {
        // one statement: the router hands calls by the campaigns an agent is logged in to, so this one leaves them too
        var removed = await db.Database.ExecuteSqlAsync($"""
            WITH gone AS (DELETE FROM campaign_agents WHERE campaign_id = {id} AND agent_id = {agentId}
                          RETURNING agent_id)
            UPDATE agents SET campaign_ids = array_remove(campaign_ids, {id}) WHERE id IN (SELECT agent_id FROM gone)
            """, ct);
        return removed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}

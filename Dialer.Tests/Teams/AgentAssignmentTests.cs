using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Teams;

/// <summary>Agents work only the campaigns a manager of the campaign's team assigned them to.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentAssignmentTests(ApiFactory api)
{
    [Fact]
    public async Task An_agent_not_assigned_cannot_log_in_to_a_campaign_of_their_own_team_or_another_until_assigned()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var (key, agentId) = await api.NewAgentAsync("Unassigned");
        var agent = api.ClientWith(key);

        var beforeAssigned = await agent.PostAsJsonAsync("/api/agent-console/login",
            new { campaignIds = new[] { teams.CampaignA } });
        var otherTeams = await teams.AgentBClient.PostAsJsonAsync("/api/agent-console/login",
            new { campaignIds = new[] { teams.CampaignA } });
        await api.AssignAsync(teams.CampaignA, agentId);
        var afterAssigned = await agent.PostAsJsonAsync("/api/agent-console/login",
            new { campaignIds = new[] { teams.CampaignA } });

        Assert.Equal(HttpStatusCode.BadRequest, beforeAssigned.StatusCode);
        Assert.NotNull((await beforeAssigned.ReadJsonAsync())["errors"]!["campaignIds"]);
        Assert.Equal(HttpStatusCode.BadRequest, otherTeams.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterAssigned.StatusCode);
    }

    [Fact]
    public async Task Only_a_manager_of_the_campaigns_team_assigns_and_only_agents_of_that_team()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var (_, agentId) = await api.NewAgentAsync("Team A");

        var byOtherManager = await teams.ManagerB.PutAsync($"/api/campaigns/{teams.CampaignA}/agents/{agentId}", null);
        var otherTeamsAgent = await teams.ManagerA.PutAsync($"/api/campaigns/{teams.CampaignA}/agents/{teams.AgentB}",
            null);
        var byAdminAcrossTeams = await api.ClientAs(Role.Admin)
            .PutAsync($"/api/campaigns/{teams.CampaignA}/agents/{teams.AgentB}", null);
        var byMarketer = await teams.MarketerA.PutAsync($"/api/campaigns/{teams.CampaignA}/agents/{agentId}", null);
        var byOwnManager = await teams.ManagerA.PutAsync($"/api/campaigns/{teams.CampaignA}/agents/{agentId}", null);

        Assert.Equal(HttpStatusCode.NotFound, byOtherManager.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTeamsAgent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byAdminAcrossTeams.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMarketer.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byOwnManager.StatusCode);
        var assigned = await (await teams.ManagerA.GetAsync(
            $"/api/campaigns/{teams.CampaignA}/agents")).Content.ReadAsStringAsync();
        Assert.Contains(agentId.ToString(), assigned);
        Assert.DoesNotContain(teams.AgentB.ToString(), assigned);
    }

    [Fact]
    public async Task An_agent_unassigned_while_logged_in_stops_being_handed_the_campaigns_contacts_at_once()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var agent = api.ClientWith(teams.AgentAKey);
        (await agent.PostAsJsonAsync("/api/agent-console/login", new { campaignIds = new[] { teams.CampaignA } }))
            .EnsureSuccessStatusCode();

        var removed = await teams.ManagerA.DeleteAsync($"/api/campaigns/{teams.CampaignA}/agents/{teams.AgentA}");
        var again = await agent.PostAsJsonAsync("/api/agent-console/login",
            new { campaignIds = new[] { teams.CampaignA } });

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        await using var db = api.Database.CreateDb();
        // the router and preview hand contacts by the campaigns an agent is logged in to
        Assert.DoesNotContain(teams.CampaignA,
            (await db.Agents.AsNoTracking().SingleAsync(a => a.Id == teams.AgentA)).CampaignIds);
    }

    [Fact]
    public async Task Moving_an_agents_user_to_another_team_ends_their_assignments_and_takes_their_agent_along()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var users = await (await api.ClientAs(Role.Admin)
            .GetAsync("/api/users")).Content.ReadFromJsonAsync<List<UserRow>>();
        var user = users!.Single(u => u.AgentId == teams.AgentA);

        var moved = await api.ClientAs(Role.Admin)
            .PatchAsJsonAsync($"/api/users/{user.Id}", new { teamId = teams.TeamB });

        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        await using var db = api.Database.CreateDb();
        Assert.Equal(teams.TeamB, (await db.Agents.AsNoTracking().SingleAsync(a => a.Id == teams.AgentA)).TeamId);
        Assert.False(await db.CampaignAgents.AnyAsync(a => a.AgentId == teams.AgentA));
        Assert.Equal(HttpStatusCode.NotFound,
            (await teams.ManagerA.GetAsync($"/api/agents/{teams.AgentA}/supervision")).StatusCode);
    }

    sealed record UserRow(Guid Id, Guid? AgentId);
}

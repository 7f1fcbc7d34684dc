using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Managers;

/// <summary>A manager logs an agent out: at once when no customer is on the line, after the wrap-up when one is; the
/// console is told.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentLogoutTests(ApiFactory api)
{
    [Fact]
    public async Task An_available_agent_is_logged_out_at_once_with_who_and_why_recorded_and_their_console_told()
    {
        var (key, agentId) = await api.NewAgentAsync("Wall");
        await using (var db = api.Database.CreateDb()) await OpenLines.OpenAsync(db, agentId);
        var agent = api.ClientWith(key);
        var (campaignId, _) = await CampaignAsync();
        await api.AssignAsync(campaignId, agentId);
        (await agent.PostAsJsonAsync("/api/agent-console/login", new { campaignIds = new[] { campaignId } }))
            .EnsureSuccessStatusCode();
        await using var console = api.Hub(Dialer.Api.Agents.AgentHub.Path, key).Build();
        var told = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.On<JsonElement>("loggedOut", m => told.TrySetResult(m));
        await console.StartAsync();

        var response = await api.ClientAs(Role.Manager)
            .PostAsJsonAsync($"/api/agents/{agentId}/logout", new { reason = "end of shift" });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", result.GetProperty("state").GetString());
        Assert.False(result.GetProperty("deferred").GetBoolean());
        var move = (await MovesAsync(agentId)).Last();
        Assert.Equal((AgentState.Available, AgentState.Offline), (move.From, move.To));
        Assert.Equal("test-Manager", move.ChangedBy);
        Assert.Equal("logged out by test-Manager: end of shift", move.Reason);
        var message = await told.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("test-Manager", message.GetProperty("by").GetString());
        Assert.False(message.GetProperty("deferred").GetBoolean());
    }

    [Fact]
    public async Task An_agent_in_wrap_up_is_logged_out_only_once_the_call_is_dispositioned()
    {
        var (key, agentId) = await api.NewAgentAsync("Wall");
        var attemptId = await InWrapUpAsync(agentId);

        var response = await api.ClientAs(Role.Manager)
            .PostAsJsonAsync($"/api/agents/{agentId}/logout", new { reason = (string?)null });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("deferred").GetBoolean());
        Assert.Equal("wrapUp", result.GetProperty("state").GetString());
        Assert.Equal(AgentState.WrapUp, (await AgentAsync(agentId)).State);

        var disposed = await api.ClientWith(key)
            .PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition", new { disposition = "sale" });

        Assert.Equal(HttpStatusCode.OK, disposed.StatusCode);
        var after = await AgentAsync(agentId);
        Assert.Equal(AgentState.Offline, after.State);
        Assert.Null(after.LogoutRequestedAt);
        var move = (await MovesAsync(agentId)).Last();
        Assert.Equal((AgentState.WrapUp, AgentState.Offline), (move.From, move.To));
        Assert.Equal("disposition set; then logged out by test-Manager", move.Reason);
        Assert.Equal("test-Manager", move.ChangedBy);
        await using var db = api.Database.CreateDb();
        Assert.True((await db.CallAttempts.SingleAsync(a => a.Id == attemptId)).Converted);
    }

    [Fact]
    public async Task A_long_reason_is_refused_naming_the_field_and_an_unknown_agent_is_not_found()
    {
        var (_, agentId) = await api.NewAgentAsync("Wall");
        var manager = api.ClientAs(Role.Manager);

        var tooLong = await manager.PostAsJsonAsync($"/api/agents/{agentId}/logout",
            new { reason = new string('x', 201) });
        var unknown = await manager.PostAsJsonAsync($"/api/agents/{Guid.NewGuid()}/logout", new { });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    async Task<(Guid CampaignId, long ContactId)> CampaignAsync()
    {
        await using var db = api.Database.CreateDb();
        var now = DateTimeOffset.UtcNow;
        var campaign = Campaign.Create(
            new CampaignSettings { Name = "logout " + Guid.NewGuid().ToString("N")[..6], CallerId = "+14155550100" },
            now);
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = "+14155550188", TimeZones = ["America/New_York"],
            Status = ContactStatus.Done, CreatedAt = now
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return (campaign.Id, contact.Id);
    }

    async Task<Guid> InWrapUpAsync(Guid agentId)
    {
        var (campaignId, contactId) = await CampaignAsync();
        await using var db = api.Database.CreateDb();
        var now = DateTimeOffset.UtcNow;
        var attempt = CallAttempt.Create(campaignId, contactId, now.AddMinutes(-2));
        (attempt.State, attempt.AnsweredAt, attempt.BridgedAt, attempt.EndedAt, attempt.LiveAnswer, attempt.AgentId) =
            (AttemptState.Completed, now.AddMinutes(-2), now.AddMinutes(-2), now.AddSeconds(-5), true, agentId);
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();
        await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.State, AgentState.WrapUp).SetProperty(a => a.StateSince, now.AddSeconds(-5))
            .SetProperty(a => a.CurrentAttemptId, attempt.Id).SetProperty(a => a.CampaignIds, new[] { campaignId }));
        return attempt.Id;
    }

    async Task<Agent> AgentAsync(Guid id)
    {
        await using var db = api.Database.CreateDb();
        return await db.Agents.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    async Task<List<AgentStateChange>> MovesAsync(Guid id)
    {
        await using var db = api.Database.CreateDb();
        return await db.AgentStateChanges.AsNoTracking().Where(c => c.AgentId == id).OrderBy(c => c.Id).ToListAsync();
    }



}

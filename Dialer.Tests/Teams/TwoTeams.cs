using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Dialing;
using Dialer.Core.Recordings;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Teams;

/// <summary>
/// Team A (the Default team, the Api fixture's users) owns a campaign with contacts, an agent assigned to it and a
/// recording of one of its calls and a webhook; team B, made here by the admin, has a marketer, a manager, an agent
/// and a campaign.
/// </summary>
public sealed class TwoTeams(ApiFactory api)
{
    public ApiFactory Api => api;
    public Guid CampaignA { get; private set; }
    public Guid AgentA { get; private set; }
    public string AgentAKey { get; private set; } = "";
    public Guid RecordingA { get; private set; }
    public Guid WebhookA { get; private set; }
    public Guid ListA { get; private set; }
    public Guid TeamB { get; private set; }
    public Guid CampaignB { get; private set; }
    public Guid AgentB { get; private set; }
    public HttpClient MarketerA => api.ClientAs(Role.Marketer);
    public HttpClient ManagerA => api.ClientAs(Role.Manager);
    public HttpClient MarketerB { get; private set; } = null!;
    public HttpClient ManagerB { get; private set; } = null!;
    public string ManagerBKey { get; private set; } = "";
    public HttpClient AgentBClient { get; private set; } = null!;

    public async Task<TwoTeams> MakeAsync()
    {
        var admin = api.ClientAs(Role.Admin);
        var team = await admin.PostAsJsonAsync("/api/teams",
            new { name = "Team B " + Guid.NewGuid().ToString("N")[..8] });
        TeamB = (await team.EnsureSuccessStatusCode().ReadJsonAsync())["id"]!.GetValue<Guid>();
        MarketerB = api.ClientWith((await UserAsync(Role.Marketer, TeamB))["apiKey"]!.GetValue<string>());
        ManagerBKey = (await UserAsync(Role.Manager, TeamB))["apiKey"]!.GetValue<string>();
        ManagerB = api.ClientWith(ManagerBKey);
        var agentB = await UserAsync(Role.Agent, TeamB);
        (AgentB, AgentBClient) = (agentB["agentId"]!.GetValue<Guid>(),
            api.ClientWith(agentB["apiKey"]!.GetValue<string>()));
        CampaignB = await MarketerB.CreateCampaignAsync(ApiCalls.ValidCampaign("Team B's own"));

        var name = "Spring offer " + Guid.NewGuid().ToString("N")[..8];
        CampaignA = await MarketerA.CreateCampaignAsync(ApiCalls.ValidCampaign(name));
        (await MarketerA.UploadCsvAsync(CampaignA, "phone,name\n+14155550401,Ada\n+14155550402,Alan\n"))
            .EnsureSuccessStatusCode();
        (AgentAKey, AgentA) = await api.NewAgentAsync("Team A agent");
        await api.AssignAsync(CampaignA, AgentA);
        RecordingA = await RecordingOfACallAsync();
        var webhook = await MarketerA.PostAsJsonAsync("/api/webhooks", new
        {
            url = "https://crm.example.com/team-a", campaignId = CampaignA, events = new[] { "call.ended" },
        });
        WebhookA = (await webhook.EnsureSuccessStatusCode().ReadJsonAsync())["id"]!.GetValue<Guid>();
        var list = await MarketerA.PostAsJsonAsync("/api/lists", new { name = "Team A's list" });
        ListA = (await list.EnsureSuccessStatusCode().ReadJsonAsync())["id"]!.GetValue<Guid>();
        return this;
    }

    async Task<System.Text.Json.Nodes.JsonObject> UserAsync(Role role, Guid team) =>
        await (await api.ClientAs(Role.Admin).PostAsJsonAsync("/api/users",
            new
            {
                name = $"B {role} {Guid.NewGuid():N}"[..20], role = role.ToString().ToLowerInvariant(),
                teamId = team
            }))
            .EnsureSuccessStatusCode().ReadJsonAsync();

    async Task<Guid> RecordingOfACallAsync()
    {
        await using var db = api.Database.CreateDb();
        var contact = await db.Contacts.FirstAsync(c => c.CampaignId == CampaignA);
        var now = DateTimeOffset.UtcNow;
        var attempt = CallAttempt.Create(CampaignA, contact.Id, now);
        db.CallAttempts.Add(attempt);
        var recording = CallRecording.Started(attempt.Id, CampaignA, AgentA, "RE" + Guid.NewGuid().ToString("N"), 30,
            now);
        db.CallRecordings.Add(recording);
        await db.SaveChangesAsync();
        return recording.Id;
    }
}

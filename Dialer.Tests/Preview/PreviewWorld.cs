using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Pacing;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Preview;

/// <summary>
/// The agents' dialing world (PostgreSQL, RabbitMQ, the simulator, a Worker) with the real Api on Kestrel over the
/// same database, so an agent's click travels the whole way: Api, RabbitMQ, Worker, Twilio SDK, simulator and back.
/// </summary>
public class PreviewWorld : AgentsWorld, IAsyncLifetime
{
    public KestrelApi Api { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new KestrelApi(Database.ConnectionString,
            new Dictionary<string, string?> { ["RabbitMq:QueueExpirySeconds"] = "600" });
        Api.StartServer();
    }

    public new async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }

    public async Task<(Campaign Campaign, List<Contact> Contacts)> PreviewCampaignAsync(int contacts,
        Func<CampaignSettings, CampaignSettings>? adjust = null) =>
        await RunningCampaignAsync(contacts,
            s => (adjust?.Invoke(s) ?? s) with
            {
                Mode = DialingMode.Preview,
                Name = "Preview " + Guid.NewGuid().ToString("N")[..6]
            });

    /// <summary>An agent user, Available on the campaign, and an HTTP client carrying their key.</summary>
    public async Task<PreviewAgent> AgentWithKeyAsync(Guid campaignId, string? name = null, TimeSpan? idleFor = null,
        AgentState state = AgentState.Available)
    {
        var agent = await AvailableAgentAsync(state == AgentState.Offline ? [] : [campaignId], idleFor, state);
        var fullName = name ?? "Agent " + agent.ClientIdentity[^4..];
        var (_, key) = await Api.AddUserAsync(Role.Agent, fullName, agent.Id);
        await using var db = Db();
        await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, fullName));
        db.CampaignAgents.Add(
            new()
            {
                CampaignId = campaignId, AgentId = agent.Id, AssignedAt = DateTimeOffset.UtcNow,
                AssignedBy = "test"
            });
        await db.SaveChangesAsync();
        return new PreviewAgent(agent.Id, agent.ClientIdentity, key, Api.ClientWith(key));
    }

    public async Task<HttpClient> UserAsync(Role role)
    {
        var (_, key) = await Api.AddUserAsync(role, $"test {role}");
        return Api.ClientWith(key);
    }
}

public sealed record PreviewAgent(Guid Id, string Identity, string Key, HttpClient Client);

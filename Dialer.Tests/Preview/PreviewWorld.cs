using Dialer.Api;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Pacing;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Preview;

/// <summary>
/// The agents' dialing world (PostgreSQL, RabbitMQ, the simulator, a Worker) with the real Api on Kestrel over the
/// same database, so an agent's click travels the whole way: Api, RabbitMQ, Worker, Twilio SDK, simulator and back.
/// </summary>
public class PreviewWorld : AgentsWorld, IAsyncLifetime
{
    public ApiOnKestrel Api { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new ApiOnKestrel(Database.ConnectionString);
        Api.StartServer();
    }

    public new async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }

    public async Task<(Campaign Campaign, List<Contact> Contacts)> PreviewCampaignAsync(int contacts, Func<CampaignSettings, CampaignSettings>? adjust = null) =>
        await RunningCampaignAsync(contacts, s => (adjust?.Invoke(s) ?? s) with { Mode = DialingMode.Preview, Name = "Preview " + Guid.NewGuid().ToString("N")[..6] });

    /// <summary>An agent user, Available on the campaign, and an HTTP client carrying their key.</summary>
    public async Task<PreviewAgent> AgentWithKeyAsync(Guid campaignId, string? name = null, TimeSpan? idleFor = null, AgentState state = AgentState.Available)
    {
        var agent = await AvailableAgentAsync(state == AgentState.Offline ? [] : [campaignId], idleFor, state);
        var key = User.NewKey();
        await using var db = Db();
        var fullName = name ?? "Agent " + agent.ClientIdentity[^4..];
        db.Users.Add(new User { Id = Guid.NewGuid(), Name = fullName, Role = Role.Agent, AgentId = agent.Id, ApiKeyHash = User.HashKey(key), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, fullName));
        return new PreviewAgent(agent.Id, agent.ClientIdentity, key, Api.ClientWith(key));
    }

    public async Task<HttpClient> UserAsync(Role role)
    {
        var key = User.NewKey();
        await using var db = Db();
        db.Users.Add(new User { Id = Guid.NewGuid(), Name = $"test {role}", Role = role, ApiKeyHash = User.HashKey(key), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return Api.ClientWith(key);
    }
}

public sealed record PreviewAgent(Guid Id, string Identity, string Key, HttpClient Client);

/// <summary>The real Api on a socket (the browser needs one), on the given database and the real RabbitMQ.</summary>
public sealed class ApiOnKestrel(string connectionString) : WebApplicationFactory<ApiMarker>
{
    public int Port { get; } = WorkerFactory.FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Dialer", connectionString);
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("RabbitMq:QueueExpirySeconds", "600");
        UseKestrel(Port);
    }

    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

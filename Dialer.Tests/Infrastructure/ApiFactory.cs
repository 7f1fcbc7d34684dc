using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dialer.Api;
using Dialer.Core.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dialer.Tests.Infrastructure;

/// <summary>The real Api on a real database and the real RabbitMQ, with one user per role.</summary>
public sealed class ApiFactory : WebApplicationFactory<ApiMarker>, IAsyncLifetime
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;
    public TestDatabase Database { get; } = new();
    readonly Dictionary<Role, string> _keys = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // the sample secrets of appsettings.json are for Development only (SampleSecrets)
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dialer", Database.ConnectionString);
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("RateLimit:AddressPermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:AddressBurst", "100000");
        builder.UseSetting("Import:MaxUploadBytes", MaxUploadBytes.ToString());
        builder.UseSetting("Import:BatchSize", "1000");
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("Twilio:ApiBaseUrl", SharedSimulator.Address);
        // the webhook receivers of the tests listen on 127.0.0.1; failures are retried within a second
        builder.UseSetting("Webhooks:AllowPrivateAddresses", "true");
        builder.UseSetting("Webhooks:PollMilliseconds", "200");
        builder.UseSetting("Webhooks:FirstRetrySeconds", "0.2");
        builder.UseSetting("Webhooks:MaxRetrySeconds", "1");
    }

    public HttpClient ClientAs(Role role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", _keys[role]);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    public string KeyOf(Role role) => _keys[role];

    public HttpClient ClientWith(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A SignalR client of the hub at <paramref name="path"/>, signed in with the key in its header (long
    /// polling: the test server has no sockets; a browser, which cannot set it on a WebSocket, uses a hub
    /// ticket).</summary>
    public IHubConnectionBuilder Hub(string path, string key) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, path), o =>
        {
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.Headers["X-Api-Key"] = key;
        });

    /// <summary>A new agent user (and its agent); its key and agent id.</summary>
    public async Task<(string Key, Guid AgentId)> NewAgentAsync(string namePrefix)
    {
        var created = await (await ClientAs(Role.Admin).PostAsJsonAsync("/api/users",
            new { name = namePrefix + " " + Guid.NewGuid().ToString("N")[..6], role = "agent" })).ReadJsonAsync();
        return (created["apiKey"]!.GetValue<string>(), created["agentId"]!.GetValue<Guid>());
    }

    /// <summary>A manager assigns the agent to the campaign: agents log in to assigned campaigns only.</summary>
    public async Task AssignAsync(Guid campaignId, Guid agentId) =>
        (await ClientAs(Role.Manager).PutAsync($"/api/campaigns/{campaignId}/agents/{agentId}", null))
            .EnsureSuccessStatusCode();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateDb();
        foreach (var role in Enum.GetValues<Role>())
        {
            var key = User.NewKey();
            var user = new User
            {
                Id = Guid.NewGuid(), Name = $"test-{role}", Role = role,
                ApiKeyHash = User.HashKey(key), CreatedAt = DateTimeOffset.UtcNow
            };
            if (role == Role.Agent)
            {
                var agent = new Dialer.Core.Agents.Agent
                {
                    Id = Guid.NewGuid(), Name = "test agent",
                    ClientIdentity = "agent-test", StateSince = DateTimeOffset.UtcNow
                };
                db.Agents.Add(agent);
                user.AgentId = agent.Id;
            }
            db.Users.Add(user);
            _keys[role] = key;
        }
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

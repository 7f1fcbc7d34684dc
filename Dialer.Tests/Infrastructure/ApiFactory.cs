using System.Net.Http.Headers;
using Dialer.Api;
using Dialer.Core.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dialer.Tests.Infrastructure;

/// <summary>The real Api on a real database and the real RabbitMQ, with one user per role.</summary>
public sealed class ApiFactory : WebApplicationFactory<ApiMarker>, IAsyncLifetime
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;
    public TestDatabase Database { get; } = new();
    readonly Dictionary<Role, string> _keys = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Dialer", Database.ConnectionString);
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("Import:MaxUploadBytes", MaxUploadBytes.ToString());
        builder.UseSetting("Import:BatchSize", "1000");
        builder.UseSetting("Auth:BootstrapAdminKey", "");
    }

    public HttpClient ClientAs(Role role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", _keys[role]);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateDb();
        foreach (var role in Enum.GetValues<Role>())
        {
            var key = User.NewKey();
            var user = new User { Id = Guid.NewGuid(), Name = $"test-{role}", Role = role, ApiKeyHash = User.HashKey(key), CreatedAt = DateTimeOffset.UtcNow };
            if (role == Role.Agent)
            {
                var agent = new Dialer.Core.Agents.Agent { Id = Guid.NewGuid(), Name = "test agent", ClientIdentity = "agent-test", StateSince = DateTimeOffset.UtcNow };
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

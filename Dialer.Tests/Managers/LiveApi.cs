using Dialer.Api;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dialer.Tests.Managers;

/// <summary>The real Api on Kestrel (a browser needs a real socket) with its own database and a manager's key.</summary>
public sealed class LiveApi : WebApplicationFactory<ApiMarker>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public int Port { get; } = WorkerFactory.FreePort();
    public string Url => $"http://127.0.0.1:{Port}";
    public string ManagerKey { get; } = User.NewKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Dialer", Database.ConnectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        UseKestrel(Port);
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateDb())
        {
            db.Users.Add(new User { Id = Guid.NewGuid(), Name = "floor manager", Role = Role.Manager, ApiKeyHash = User.HashKey(ManagerKey), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

using Dialer.Api;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Managers;

/// <summary>The real Api on its own database whose clock stands still at <see cref="KnownAgentDays.Now"/>: "today" and
/// "up to now" are known.</summary>
public sealed class FrozenClockApi : WebApplicationFactory<ApiMarker>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public string ManagerKey { get; } = User.NewKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // the sample secrets of appsettings.json are for Development only (SampleSecrets)
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dialer", Database.ConnectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("RateLimit:AddressPermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:AddressBurst", "100000");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(KnownAgentDays.Now)));
    }

    public HttpClient Manager()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ManagerKey);
        return client;
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateDb();
        db.Users.Add(
            new User
            {
                Id = Guid.NewGuid(), Name = "frozen manager", Role = Role.Manager,
                ApiKeyHash = User.HashKey(ManagerKey), CreatedAt = KnownAgentDays.Now
            });
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

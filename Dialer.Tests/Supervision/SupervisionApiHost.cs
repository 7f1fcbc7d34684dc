using System.Net.Http.Headers;
using Dialer.Api;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dialer.Tests.Supervision;

/// <summary>
/// The real Api on Kestrel (a browser needs a socket) beside a dialing world: its database, the same simulator for
/// Twilio, the world's Worker for the supervisor legs' callbacks. One user per role.
/// </summary>
public sealed class SupervisionApiHost(string connectionString, Uri simulator, string workerUrl) : WebApplicationFactory<ApiMarker>
{
    readonly Dictionary<Role, (Guid Id, string Key)> _users = [];
    public int Port { get; } = WorkerFactory.FreePort();
    public string Url => $"http://127.0.0.1:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Dialer", connectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("Twilio:ApiBaseUrl", simulator.ToString());
        builder.UseSetting("Twilio:PublicWebhookBaseUrl", workerUrl);
        UseKestrel(Port);
    }

    public async Task StartAsync(Func<Dialer.Core.Data.DialerDb> db)
    {
        await using (var context = db())
        {
            foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Agent))
            {
                var key = User.NewKey();
                var user = new User { Id = Guid.NewGuid(), Name = $"{role} of the floor", Role = role, ApiKeyHash = User.HashKey(key), CreatedAt = DateTimeOffset.UtcNow };
                context.Users.Add(user);
                _users[role] = (user.Id, key);
            }
            await context.SaveChangesAsync();
        }
        StartServer();
    }

    public string KeyOf(Role role) => _users[role].Key;

    public Guid UserIdOf(Role role) => _users[role].Id;

    public HttpClient ClientAs(Role role)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyOf(role));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

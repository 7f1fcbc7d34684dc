using Dialer.Api;
using Dialer.Core.Auth;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// The real Api on Kestrel (a browser needs a real socket) over the given database, with users of any role added on
/// demand. <see cref="LiveApi"/> brings a database of its own; the dialing worlds pass theirs and the settings they
/// need.
/// </summary>
public class KestrelApi(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<ApiMarker>
{
    public int Port { get; } = WorkerFactory.FreePort();
    public string Url => $"http://127.0.0.1:{Port}";
    public int ManagementPort { get; } = WorkerFactory.FreePort();
    /// <summary>Where health and /metrics answer.</summary>
    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}";
    /// <summary>Another place the Api's logs go, besides its own.</summary>
    public ILoggerProvider? Logs { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // the sample secrets of appsettings.json are for Development only (SampleSecrets)
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dialer", connectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("RateLimit:AddressPermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:AddressBurst", "100000");
        builder.UseSetting("Twilio:ApiBaseUrl", SharedSimulator.Address); // a world's own simulator overrides it
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        // the public address and the management one (health, /metrics): UseKestrel(port) would leave only the first
        builder.UseSetting("urls", Url);
        builder.UseSetting("Management:Port", ManagementPort.ToString());
        if (Logs is not null) builder.ConfigureLogging(l => l.AddProvider(Logs));
        UseKestrel();
    }

    /// <summary>A user of the role, straight into the database (no admin needed); an agent's user names the agent it
    /// signs in as.</summary>
    public async Task<(Guid Id, string Key)> AddUserAsync(Role role, string name, Guid? agentId = null)
    {
        var key = User.NewKey();
        var user = new User
        {
            Id = Guid.NewGuid(), Name = name, Role = role, AgentId = agentId,
            ApiKeyHash = User.HashKey(key), CreatedAt = DateTimeOffset.UtcNow
        };
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(connectionString);
        await using var db = new DialerDb(options.Options);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (user.Id, key);
    }

    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

/// <summary>A <see cref="KestrelApi"/> over a fresh database of its own, started as a class fixture.</summary>
public sealed class LiveApi : KestrelApi, IAsyncLifetime
{
    public TestDatabase Database { get; }

    public LiveApi() : this(new TestDatabase()) { }

    LiveApi(TestDatabase database) : base(database.ConnectionString) => Database = database;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

using Dialer.Api;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Dialer.Tests.Inputs;

/// <summary>
/// The real Api on its own database with a small connection pool and small import limits, so that
/// "too many rows" and "slow uploads hold the pool" can be shown with a few thousand rows.
/// </summary>
public sealed class LimitedApi : WebApplicationFactory<ApiMarker>, IAsyncLifetime
{
    public const int PoolSize = 8, MaxRowsPerUpload = 3000, MaxContactsPerCampaign = 5000;
    public const int MaxColumns = 10, MaxFieldChars = 100, MaxRecordChars = 1000;
    public TestDatabase Database { get; } = new();
    public int Port { get; } = WorkerFactory.FreePort();
    public string MarketerKey { get; } = User.NewKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
        {
            MaxPoolSize = PoolSize,
            Timeout = 3
        };
        // the sample secrets of appsettings.json are for Development only (SampleSecrets)
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dialer", connection.ConnectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("RateLimit:AddressPermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:AddressBurst", "100000");
        builder.UseSetting("Import:BatchSize", "100");
        builder.UseSetting("Import:MaxRowsPerUpload", MaxRowsPerUpload.ToString());
        builder.UseSetting("Import:MaxContactsPerCampaign", MaxContactsPerCampaign.ToString());
        builder.UseSetting("Import:MaxColumns", MaxColumns.ToString());
        builder.UseSetting("Import:MaxFieldChars", MaxFieldChars.ToString());
        builder.UseSetting("Import:MaxRecordChars", MaxRecordChars.ToString());
        UseKestrel(Port); // a real socket: the test server would hold a request until its whole body is sent
    }

    public HttpClient Marketer()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", MarketerKey);
        return client;
    }

    /// <summary>Distinct valid numbers, one a line, for row <paramref name="from"/> on.</summary>
    public static IEnumerable<string> Numbers(int from, int count) =>
        Enumerable.Range(from, count).Select(i => $"+1415{200 + i / 10000:D3}{i % 10000:D4}");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateDb();
        db.Users.Add(new User
        {
            Id = Guid.NewGuid(), Name = "limited marketer", Role = Role.Marketer,
            ApiKeyHash = User.HashKey(MarketerKey),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

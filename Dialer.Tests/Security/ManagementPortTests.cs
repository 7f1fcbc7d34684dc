using System.Net;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Security;

/// <summary>An Api and a Worker on real sockets, each with its public port and its management port.</summary>
public sealed class ManagementHosts : IAsyncLifetime
{
    public LiveApi Api { get; } = new();
    public WorkerFactory Worker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        // no call is placed: the simulator's address is never asked
        Worker = new WorkerFactory(Api.Database.ConnectionString, new Uri("http://127.0.0.1:9"),
            "management-" + Guid.NewGuid().ToString("N")[..8]);
        Worker.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await ((IAsyncLifetime)Api).DisposeAsync();
    }
}

public sealed class ManagementPortTests(ManagementHosts hosts) : IClassFixture<ManagementHosts>
{
    static readonly HttpClient Http = new();
    public static readonly TheoryData<string> ManagementPaths = new() { "/metrics", "/health/live", "/health/ready" };

    [Theory]
    [MemberData(nameof(ManagementPaths))]
    public async Task The_workers_public_port_where_twilio_calls_does_not_serve_them(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(hosts.Worker.PublicUrl + path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(hosts.Worker.ManagementUrl + path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ManagementPaths))]
    public async Task The_apis_public_port_does_not_serve_them(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(hosts.Api.Url + path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(hosts.Api.ManagementUrl + path)).StatusCode);
    }

    [Fact]
    public async Task Ready_checks_postgresql_and_rabbitmq_for_real()
    {
        var ready = await Http.GetAsync(hosts.Api.ManagementUrl + "/health/ready");
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_management_port_serves_nothing_else()
    {
        foreach (var path in new[] { "/api/users/me", "/campaigns", "/ui/app.js" })
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(hosts.Api.ManagementUrl + path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Http.PostAsync(hosts.Worker.ManagementUrl + "/twilio/answer/" + Guid.NewGuid(), null)).StatusCode);
    }
}

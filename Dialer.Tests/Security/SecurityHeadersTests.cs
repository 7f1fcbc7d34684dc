using System.Net;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Security;

/// <summary>The Api behind a known proxy (this machine), so a request can say it came over HTTPS.</summary>
public sealed class ProxiedApi : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    public KestrelApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Api = new KestrelApi(_database.ConnectionString,
            new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        Api.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed class SecurityHeadersTests(ProxiedApi proxied) : IClassFixture<ProxiedApi>
{
    static readonly HttpClient Http = new();

    [Theory]
    [InlineData("/campaigns")] // a page
    [InlineData("/manager/app.js")] // a static file
    [InlineData("/api/users/me")] // the API, refused
    [InlineData("/api/campaigns/not-a-guid/start")] // no such route
    public async Task Every_answer_carries_the_policy_and_the_headers(string path)
    {
        using var response = await Http.GetAsync(proxied.Api.Url + path);

        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src")));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP: nothing to remember
    }

    [Fact]
    public async Task Https_through_a_known_proxy_is_remembered_for_a_year()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, proxied.Api.Url + "/campaigns");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : "";
}

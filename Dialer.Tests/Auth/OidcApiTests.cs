using System.Net;
using System.Net.Http.Json;
using Dialer.Api.Auth.Oidc;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dialer.Tests.Auth;

/// <summary>
/// The Api with single sign-on on. No identity provider runs here: the provider's discovery document is given to the
/// handler instead, so that a page's redirect to it can be read; the sign-in itself is OidcUsersTests'.
/// </summary>
public sealed class OidcApi : KestrelApi, IAsyncLifetime
{
    public const string Authorize = "https://idp.example.test/authorize";
    public TestDatabase Database { get; }

    public OidcApi() : this(new TestDatabase()) { }

    OidcApi(TestDatabase database) : base(database.ConnectionString, new Dictionary<string, string?>
    {
        ["Oidc:Enabled"] = "true",
        ["Oidc:Authority"] = "https://idp.example.test",
        ["Oidc:ClientId"] = "dialer-pages",
        ["Oidc:ClientSecret"] = "not-a-real-secret",
    })
    {
        Database = database;
        Logs = Lines;
    }

    public LogCapture Lines { get; } = new("api");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.PostConfigure<OpenIdConnectOptions>(OidcSignIn.Scheme, o =>
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration
                {
                    Issuer = "https://idp.example.test", AuthorizationEndpoint = Authorize,
                    TokenEndpoint = "https://idp.example.test/token",
                })));
    }

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

public sealed class OidcApiTests(OidcApi api) : IClassFixture<OidcApi>
{
    HttpClient Browser(string? cookie = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        { BaseAddress = new Uri(api.Url) };
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Theory]
    [InlineData("/manager/")]
    [InlineData("/agent")]
    [InlineData("/campaigns")]
    [InlineData("/do-not-call")]
    public async Task A_page_opened_without_a_sign_in_goes_to_the_identity_provider_with_PKCE(string page)
    {
        var response = await Browser().GetAsync(page);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            string.Join("\n", api.Lines.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error)));
        var to = response.Headers.Location!.OriginalString;
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(api.Url + "/signin-oidc"), to);
        Assert.StartsWith(OidcApi.Authorize + "?", to);
        Assert.Contains("client_id=dialer-pages", to);
        Assert.Contains("code_challenge=", to);
        Assert.Contains("code_challenge_method=S256", to);
        Assert.Contains("scope=openid profile email", Uri.UnescapeDataString(to));
    }

    [Fact]
    public async Task The_API_keeps_its_keys_and_answers_401_not_a_redirect_without_one()
    {
        var (_, key) = await api.AddUserAsync(Role.Manager, "keyed manager");
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWith(key).GetAsync("/api/users/me")).StatusCode);

        var anonymous = await Browser().GetAsync("/api/users/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        var forged = await Browser("dialer.pages=forged").GetAsync("/api/users/me");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task An_admin_gives_a_user_the_email_single_sign_on_finds_them_by_and_no_two_users_share_one()
    {
        var (_, adminKey) = await api.AddUserAsync(Role.Admin, "sso admin");
        var admin = api.ClientWith(adminKey);
        var email = $"Ann.{Guid.NewGuid():N}@Example.com";

        var created = await admin.PostAsJsonAsync("/api/users", new { name = "Ann", role = "manager", email });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var users = await admin.GetFromJsonAsync<List<Dictionary<string, object?>>>("/api/users");
        Assert.Contains(users!, u => u.GetValueOrDefault("email")?.ToString() == email.ToLowerInvariant());

        var twice = await admin.PostAsJsonAsync("/api/users", new { name = "Other", role = "agent", email });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.True((await twice.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("email"));
        var bad = await admin.PostAsJsonAsync("/api/users", new { name = "Bad", role = "agent", email = "ann@" });
        Assert.True((await bad.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("email"));
    }
}

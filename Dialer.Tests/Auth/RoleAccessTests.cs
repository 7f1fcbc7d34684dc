using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class RoleAccessTests(ApiFactory api)
{
    public static TheoryData<string, string, Role, bool> Matrix()
    {
        (string Method, string Path, Role[] Allowed)[] endpoints =
        [
            ("GET", "/api/campaigns", [Role.Admin, Role.Marketer, Role.Manager]),
            ("GET", "/api/campaigns/{id}", [Role.Admin, Role.Marketer, Role.Manager]),
            ("POST", "/api/campaigns", [Role.Admin, Role.Marketer]),
            ("PUT", "/api/campaigns/{id}", [Role.Admin, Role.Marketer]),
            ("DELETE", "/api/campaigns/{id}", [Role.Admin, Role.Marketer]),
            ("POST", "/api/campaigns/{id}/contacts", [Role.Admin, Role.Marketer]),
            ("GET", "/api/campaigns/{id}/contacts", [Role.Admin, Role.Marketer, Role.Manager]),
            ("GET", "/api/campaigns/{id}/contacts/export", [Role.Admin, Role.Marketer, Role.Manager]),
            ("POST", "/api/do-not-call", [Role.Admin, Role.Marketer]),
            ("GET", "/api/do-not-call", [Role.Admin, Role.Marketer, Role.Manager]),
            ("POST", "/api/do-not-call/lookup", [Role.Admin, Role.Marketer, Role.Manager]),
            ("POST", "/api/do-not-call/removals", [Role.Admin]),
            ("GET", "/api/do-not-call/removals", [Role.Admin]),
            ("POST", "/api/users", [Role.Admin]),
            ("GET", "/api/users", [Role.Admin]),
            ("GET", "/api/campaigns/{id}/recordings", [Role.Admin, Role.Manager]),
            // {id}: no such recording, so 404 when allowed
            ("GET", "/api/recordings/{id}/audio", [Role.Admin, Role.Manager, Role.Agent]),
        ];
        var data = new TheoryData<string, string, Role, bool>();
        foreach (var (method, path, allowed) in endpoints)
            foreach (var role in Enum.GetValues<Role>())
                data.Add(method, path, role, allowed.Contains(role));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_endpoints(string method, string path, Role role, bool allowed)
    {
        var id = await api.ClientAs(Role.Admin).CreateCampaignAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString()));
        if (method is "POST" or "PUT")
            request.Content = path.EndsWith("/contacts")
                ? new StringContent("phone\n+14155559990\n", System.Text.Encoding.UTF8, "text/csv")
                : path.Contains("users") ? JsonContent.Create(new { name = "x", role = "manager" })
                : path.EndsWith("/lookup") || path.EndsWith("/removals")
                    ? JsonContent.Create(new { phone = "+14155559990", reason = "test" })
                : path.Contains("do-not-call") ? JsonContent.Create(new { numbers = new[] { "+14155559990" } })
                : JsonContent.Create(ApiCalls.ValidCampaign());

        var response = await api.ClientAs(role).SendAsync(request);

        if (allowed) Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound,
            $"{role} {method} {path}: {response.StatusCode}");
        else Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task No_key_or_an_unknown_key_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/campaigns")).StatusCode);
        var stranger = api.Anonymous();
        stranger.DefaultRequestHeaders.Add("X-Api-Key", "dk_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/campaigns")).StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_a_user_whose_key_works_at_once()
    {
        var created = await (await api.ClientAs(Role.Admin)
            .PostAsJsonAsync("/api/users", new { name = "Mia", role = "manager" })).ReadJsonAsync();
        var mia = api.Anonymous();
        mia.DefaultRequestHeaders.Add("X-Api-Key", created["apiKey"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await mia.GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await mia.PostAsJsonAsync("/api/campaigns", ApiCalls.ValidCampaign())).StatusCode);
    }
}

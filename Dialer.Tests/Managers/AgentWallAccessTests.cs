using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

/// <summary>The wall, the logout and the timesheets are managers' (and admins'): nobody else's; bad input names its
/// field.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentWallAccessTests(ApiFactory api)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/agents/wall" },
        { "POST", $"/api/agents/{Guid.NewGuid()}/logout" },
        { "GET", "/api/reports/timesheets?from=2026-06-10&to=2026-06-11" },
        { "GET", "/reports/timesheets?from=2026-06-10&to=2026-06-11" },
    };

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Only_managers_and_admins_may_use_it(string method, string path)
    {
        foreach (var role in new[] { Role.Marketer, Role.Agent })
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api.ClientAs(role), method, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(api.Anonymous(), method, path)).StatusCode);
        foreach (var role in new[] { Role.Manager, Role.Admin })
            Assert.True(
                (await SendAsync(api.ClientAs(role), method,
                    path)).StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, role.ToString());
    }

    [Theory]
    [InlineData("from=2026-6-10&to=2026-06-11", "from")]
    [InlineData("to=2026-06-11", "from")]
    [InlineData("from=2026-06-10&to=tomorrow", "to")]
    [InlineData("from=2026-06-11&to=2026-06-10", "to")]
    [InlineData("from=2026-01-01&to=2026-06-30", "to")]
    [InlineData("from=2026-06-10&to=2026-06-11&tz=Mars/Olympus_Mons", "tz")]
    [InlineData("from=2026-06-10&to=2026-06-11&tz=Eastern%20Standard%20Time", "tz")]
    public async Task Bad_dates_zones_and_ranges_are_refused_naming_the_field(string query, string field)
    {
        var response = await api.ClientAs(Role.Manager).GetAsync("/api/reports/timesheets?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.PostAsJsonAsync(path, new { });
}

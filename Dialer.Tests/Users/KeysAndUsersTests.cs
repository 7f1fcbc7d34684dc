using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Users;

/// <summary>An admin disables a user, rotates a key or gives it an end: the old key stops working within
/// seconds.</summary>
[Collection(ApiCollection.Name)]
public sealed class KeysAndUsersTests(ApiFactory api)
{
    readonly HttpClient _admin = api.ClientAs(Role.Admin);

    [Fact]
    public async Task A_disabled_user_and_a_rotated_key_stop_working_within_seconds()
    {
        var (id, key) = await CreateAsync(new { name = "Mo Marketer", role = "marketer" });
        var mo = api.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await mo.GetAsync("/api/users/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode);
        await RefusedWithinAsync(mo);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode);
        await AcceptedWithinAsync(mo);

        var rotated = await (await _admin.PostAsJsonAsync($"/api/users/{id}/key", new { })).ReadJsonAsync();
        var fresh = api.ClientWith(rotated["apiKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/users/me")).StatusCode);
        await RefusedWithinAsync(mo);
    }

    [Fact]
    public async Task A_key_past_its_end_is_refused_and_an_admin_cannot_disable_themselves()
    {
        var (_, key) = await CreateAsync(
            new { name = "Tess Temp", role = "manager", keyExpiresAt = DateTimeOffset.UtcNow.AddSeconds(6) });
        var tess = api.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await tess.GetAsync("/api/users/me")).StatusCode);
        await RefusedWithinAsync(tess);

        var me = await (await _admin.GetAsync("/api/users/me")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest,
            (await _admin.PostAsync($"/api/users/{me["id"]}/disable", null)).StatusCode);
    }

    async Task<(Guid Id, string Key)> CreateAsync(object request)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var created = await response.ReadJsonAsync();
        return (created["id"]!.GetValue<Guid>(), created["apiKey"]!.GetValue<string>());
    }

    static Task RefusedWithinAsync(HttpClient client) => WithinAsync(client, HttpStatusCode.Unauthorized);

    static Task AcceptedWithinAsync(HttpClient client) => WithinAsync(client, HttpStatusCode.OK);

    /// <summary>The key cache keeps a user a few seconds: the change must show within seconds (15 s allows a loaded
    /// machine).</summary>
    static async Task WithinAsync(HttpClient client, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/api/users/me")).StatusCode) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.Equal(expected, status);
    }
}

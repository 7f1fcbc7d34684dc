using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Marketers;

[Collection(ApiCollection.Name)]
public sealed class CampaignHistoryTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task Every_change_is_kept_with_who_when_and_each_field_old_and_new()
    {
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var body = ApiCalls.ValidCampaign("History " + Guid.NewGuid());
        body["callingWindow"] = JsonNode.Parse("""{"start":"10:00:00","end":"18:00:00"}""");
        var id = await _marketer.CreateCampaignAsync(body);
        body["callingWindow"] = JsonNode.Parse("""{"start":"08:00:00","end":"21:00:00"}""");
        Assert.Equal(HttpStatusCode.OK, (await _marketer.PutAsJsonAsync($"/api/campaigns/{id}", body)).StatusCode);
        await api.ClientAs(Role.Admin).PutAsJsonAsync($"/api/campaigns/{id}", body); // no change: nothing to record
        await _marketer.UploadCsvAsync(id, "phone\n" + MarketersKit.RandomPhone() + "\n");
        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/pause", null)).StatusCode);

        var changes = await api.ClientAs(Role.Manager).GetArrayAsync($"/api/campaigns/{id}/changes");

        Assert.Equal(["paused", "started", "updated", "created"],
            changes.Select(c => c!["action"]!.GetValue<string>()));
        Assert.All(changes, c =>
        {
            Assert.Equal("test-Marketer", c!["by"]!.GetValue<string>());
            var at = c["at"]!.GetValue<DateTimeOffset>();
            Assert.InRange(at, startedAt, DateTimeOffset.UtcNow.AddSeconds(1));
        });
        var widened = changes[2]!["fields"]!.AsArray().ToDictionary(f => f!["path"]!.GetValue<string>());
        Assert.Equal(["callingWindow.end", "callingWindow.start"], widened.Keys.Order());
        Assert.Equal("18:00:00", widened["callingWindow.end"]!["old"]!.GetValue<string>());
        Assert.Equal("21:00:00", widened["callingWindow.end"]!["new"]!.GetValue<string>());
        var paused = changes[0]!["fields"]!.AsArray().Single()!;
        Assert.Equal(("status", "running", "paused"),
            (paused["path"]!.GetValue<string>(), paused["old"]!.GetValue<string>(), paused["new"]!.GetValue<string>()));
        var created = changes[3]!["fields"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("callerId", created);
        Assert.Contains("callingWindow.end", created);
        await _marketer.PostAsync($"/api/campaigns/{id}/stop", null);
    }

    [Fact]
    public async Task An_import_is_recorded_as_one_change_with_its_fields()
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Imported history " + Guid.NewGuid()));
        var document = await _marketer.GetJsonAsync($"/api/campaigns/{id}/document");
        document["abandonTarget"] = 0.02;
        (await _marketer.PostAsJsonAsync("/api/campaigns/import", document)).EnsureSuccessStatusCode();

        var latest = (await _marketer.GetArrayAsync($"/api/campaigns/{id}/changes"))[0]!;
        Assert.Equal("imported", latest["action"]!.GetValue<string>());
        var field = latest["fields"]!.AsArray().Single()!;
        Assert.Equal("abandonTarget", field["path"]!.GetValue<string>());
        Assert.Equal(0.03, field["old"]!.GetValue<double>());
        Assert.Equal(0.02, field["new"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_clone_is_a_new_draft_with_the_same_definition_and_no_contacts()
    {
        var name = "Cloned " + Guid.NewGuid();
        var body = ApiCalls.ValidCampaign(name);
        body["mode"] = "power";
        body["script"] = "Say hello.";
        var id = await _marketer.CreateCampaignAsync(body);
        await _marketer.UploadCsvAsync(id, "phone\n" + MarketersKit.RandomPhone() + "\n");

        var response = await _marketer.PostAsync($"/api/campaigns/{id}/clone", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var clone = await response.ReadJsonAsync();
        var cloneId = clone["id"]!.GetValue<Guid>();
        Assert.NotEqual(id, cloneId);
        Assert.Equal("draft", clone["status"]!.GetValue<string>());
        Assert.Equal("Copy of " + name, clone["name"]!.GetValue<string>());
        Assert.Equal(0, clone["contacts"]!["total"]!.GetValue<int>());
        var original = await _marketer.GetJsonAsync($"/api/campaigns/{id}/document");
        var copy = await _marketer.GetJsonAsync($"/api/campaigns/{cloneId}/document");
        foreach (var doc in new[] { original, copy }) { doc.Remove("id"); doc.Remove("name"); }
        Assert.True(JsonNode.DeepEquals(original, copy));
        var history = (await _marketer.GetArrayAsync($"/api/campaigns/{cloneId}/changes")).Single()!;
        Assert.Equal("cloned", history["action"]!.GetValue<string>());
        Assert.Contains(id.ToString(), history["note"]!.GetValue<string>());

        var named = await (await _marketer.PostAsJsonAsync($"/api/campaigns/{id}/clone", new { name = "Second run" }))
            .ReadJsonAsync();
        Assert.Equal("Second run", named["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Role.Agent, "GET", "/api/campaigns/{id}/changes", HttpStatusCode.Forbidden)]
    [InlineData(Role.Agent, "GET", "/api/campaigns/{id}/document", HttpStatusCode.Forbidden)]
    [InlineData(Role.Agent, "GET", "/api/campaigns/{id}/prelaunch", HttpStatusCode.Forbidden)]
    [InlineData(Role.Manager, "POST", "/api/campaigns/import", HttpStatusCode.Forbidden)]
    [InlineData(Role.Manager, "POST", "/api/campaigns/{id}/clone", HttpStatusCode.Forbidden)]
    [InlineData(Role.Agent, "POST", "/api/do-not-call/upload", HttpStatusCode.Forbidden)]
    [InlineData(Role.Manager, "POST", "/api/do-not-call/upload", HttpStatusCode.Forbidden)]
    [InlineData(Role.Manager, "GET", "/api/campaigns/{id}/changes", HttpStatusCode.OK)]
    [InlineData(Role.Manager, "GET", "/api/campaigns/{id}/document", HttpStatusCode.OK)]
    [InlineData(Role.Manager, "GET", "/api/campaigns/{id}/prelaunch", HttpStatusCode.OK)]
    public async Task Roles_reach_only_what_they_may(Role role, string method, string path, HttpStatusCode expected)
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Roles " + Guid.NewGuid()));
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString()));
        if (method == "POST")
            request.Content = path.EndsWith("/upload")
                ? new StringContent("phone\n", System.Text.Encoding.UTF8, "text/csv") : JsonContent.Create(new { });
        Assert.Equal(expected, (await api.ClientAs(role).SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.Anonymous()
                .SendAsync(
                    new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString())))).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Marketers;

[Collection(ApiCollection.Name)]
public sealed class CampaignDocumentTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    static JsonObject Detailed(string name)
    {
        var body = ApiCalls.ValidCampaign(name);
        body["mode"] = "predictive";
        body["callingWindow"] = JsonNode.Parse(
            """{"start":"09:30:00","end":"20:00:00","days":["monday","wednesday"],"holidays":["2026-12-25"]}""");
        body["retryRules"] = JsonNode.Parse("""
            {"busy":{"delayMinutes":20,"maxRetries":2},"noAnswer":{"delayMinutes":90,"maxRetries":1},
             "machine":{"delayMinutes":300,"maxRetries":1},"failed":{"delayMinutes":60,"maxRetries":0}}
            """);
        body["script"] = "Hello, this is Acme.\nAsk about the spring offer: 10% off.";
        body["dispositions"] = new JsonArray("sale", "no-sale", "callback", "do-not-call");
        return body;
    }

    static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task Export_then_import_as_json_gives_the_same_definition()
    {
        var id = await _marketer.CreateCampaignAsync(Detailed("Round trip json " + Guid.NewGuid()));
        var document = await _marketer.GetJsonAsync($"/api/campaigns/{id}/document");
        Assert.Equal(id.ToString(), document["id"]!.GetValue<string>());
        Assert.Equal("dialer.campaign/v1", document["format"]!.GetValue<string>());

        var same = await (await _marketer.PostAsJsonAsync("/api/campaigns/import", document)).ReadJsonAsync();
        Assert.Equal("unchanged", same["action"]!.GetValue<string>());

        document.Remove("id");
        document["name"] = "Round trip copy " + Guid.NewGuid();
        var created = await _marketer.PostAsJsonAsync("/api/campaigns/import", document);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var copyId = (await created.ReadJsonAsync())["campaignId"]!.GetValue<Guid>();
        var copy = await _marketer.GetJsonAsync($"/api/campaigns/{copyId}/document");
        copy.Remove("id");
        Assert.True(JsonNode.DeepEquals(document, copy), copy.ToJsonString());
    }

    [Fact]
    public async Task Export_then_import_as_yaml_gives_the_same_definition()
    {
        var name = "Round trip yaml " + Guid.NewGuid();
        var id = await _marketer.CreateCampaignAsync(Detailed(name));
        var before = await _marketer.GetJsonAsync($"/api/campaigns/{id}/document");

        var response = await _marketer.GetAsync($"/api/campaigns/{id}/document?format=yaml");
        Assert.Equal("application/yaml", response.Content.Headers.ContentType!.MediaType);
        var yaml = await response.Content.ReadAsStringAsync();
        Assert.Contains("callerId: \"+14155550100\"", yaml);
        Assert.Contains("mode: predictive", yaml);

        var same = await (await _marketer.PostAsync("/api/campaigns/import", Yaml(yaml))).ReadJsonAsync();
        Assert.Equal("unchanged", same["action"]!.GetValue<string>());

        var accepted = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{id}/document");
        accepted.Headers.Accept.ParseAdd("application/yaml");
        Assert.Equal(yaml, await (await _marketer.SendAsync(accepted)).Content.ReadAsStringAsync());

        var renamed = yaml.Replace(id.ToString(), Guid.NewGuid().ToString()).Replace(name, name + " copy");
        var created = await (await _marketer.PostAsync("/api/campaigns/import", Yaml(renamed))).ReadJsonAsync();
        var copy = await _marketer.GetJsonAsync($"/api/campaigns/{created["campaignId"]}/document");
        foreach (var doc in new[] { before, copy }) { doc.Remove("id"); doc.Remove("name"); }
        Assert.True(JsonNode.DeepEquals(before, copy), copy.ToJsonString());
    }

    [Fact]
    public async Task A_dry_run_lists_the_differences_and_changes_nothing()
    {
        var id = await _marketer.CreateCampaignAsync(Detailed("Dry run " + Guid.NewGuid()));
        var yaml = await _marketer.GetStringAsync($"/api/campaigns/{id}/document?format=yaml");
        var edited = yaml.Replace("end: \"20:00:00\"", "end: \"21:00:00\"").Replace("maxAttempts: 5", "maxAttempts: 7");

        var diff = await (await _marketer.PostAsync("/api/campaigns/import?dryRun=true", Yaml(edited))).ReadJsonAsync();

        Assert.Equal("update", diff["action"]!.GetValue<string>());
        Assert.True(diff["dryRun"]!.GetValue<bool>());
        var changes = diff["changes"]!.AsArray().ToDictionary(c => c!["path"]!.GetValue<string>());
        Assert.Equal(["callingWindow.end", "maxAttempts"], changes.Keys.Order());
        Assert.Equal("20:00:00", changes["callingWindow.end"]!["old"]!.GetValue<string>());
        Assert.Equal("21:00:00", changes["callingWindow.end"]!["new"]!.GetValue<string>());
        Assert.Equal(7, changes["maxAttempts"]!["new"]!.GetValue<int>());
        var stored = await _marketer.GetJsonAsync($"/api/campaigns/{id}");
        Assert.Equal("20:00:00", stored["settings"]!["callingWindow"]!["end"]!.GetValue<string>());

        var applied = await _marketer.PostAsync("/api/campaigns/import", Yaml(edited));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        stored = await _marketer.GetJsonAsync($"/api/campaigns/{id}");
        Assert.Equal("21:00:00", stored["settings"]!["callingWindow"]!["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_is_validated_like_the_form_naming_the_field()
    {
        var id = await _marketer.CreateCampaignAsync(Detailed("Invalid doc " + Guid.NewGuid()));
        var yaml = await _marketer.GetStringAsync($"/api/campaigns/{id}/document?format=yaml");

        var response = await _marketer.PostAsync("/api/campaigns/import?dryRun=true",
            Yaml(yaml.Replace("end: \"20:00:00\"", "end: \"22:30:00\"")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("callingWindow.end"));

        response = await _marketer.PostAsync("/api/campaigns/import",
            Yaml(yaml.Replace("mode: predictive", "mode: telepathic")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("mode"));

        response = await _marketer.PostAsync("/api/campaigns/import", Yaml("name: [unclosed"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_running_campaign_shows_its_diff_but_refuses_the_update()
    {
        var id = await _marketer.CreateCampaignAsync(Detailed("Running doc " + Guid.NewGuid()));
        await _marketer.UploadCsvAsync(id, "phone\n" + MarketersKit.RandomPhone() + "\n");
        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);
        var document = await _marketer.GetJsonAsync($"/api/campaigns/{id}/document");
        document["maxAttempts"] = 3;

        var diff = await (await _marketer.PostAsJsonAsync("/api/campaigns/import?dryRun=true", document))
            .ReadJsonAsync();
        Assert.Contains("pause", diff["refusal"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict,
            (await _marketer.PostAsJsonAsync("/api/campaigns/import", document)).StatusCode);
        await _marketer.PostAsync($"/api/campaigns/{id}/stop", null);
    }
}

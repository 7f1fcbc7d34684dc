using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Campaigns;

[Collection(ApiCollection.Name)]
public sealed class CampaignsApiTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task A_campaign_needs_only_a_name_and_a_caller_id_and_gets_lawful_defaults()
    {
        var id = await _marketer.CreateCampaignAsync();

        var campaign = await (await _marketer.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal("draft", campaign["status"]!.GetValue<string>());
        var settings = campaign["settings"]!;
        Assert.Equal("progressive", settings["mode"]!.GetValue<string>());
        Assert.Equal("08:00:00", settings["callingWindow"]!["start"]!.GetValue<string>());
        Assert.Equal("21:00:00", settings["callingWindow"]!["end"]!.GetValue<string>());
        Assert.Equal(0.03, settings["abandonTarget"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("callerId", "\"4155550100\"", "callerId")]
    [InlineData("callerId", "\"+1415\"", "callerId")]
    [InlineData("name", "\"\"", "name")]
    [InlineData("defaultRegion", "\"XX\"", "defaultRegion")]
    [InlineData("maxAttempts", "0", "maxAttempts")]
    [InlineData("maxAttemptsPer24Hours", "9", "maxAttemptsPer24Hours")]
    [InlineData("abandonTarget", "0.05", "abandonTarget")]
    [InlineData("abandonWindowHours", "48", "abandonWindowHours")]
    [InlineData("linesPerAgent", "0.5", "linesPerAgent")]
    [InlineData("maxLinesPerAgent", "40", "maxLinesPerAgent")]
    [InlineData("callingWindow", """{"start":"07:00","end":"20:00"}""", "callingWindow.start")]
    [InlineData("callingWindow", """{"start":"09:00","end":"22:00"}""", "callingWindow.end")]
    [InlineData("callingWindow", """{"start":"18:00","end":"10:00"}""", "callingWindow.end")]
    [InlineData("callingWindow", """{"days":[]}""", "callingWindow.days")]
    [InlineData("retryRules", """{"busy":{"delayMinutes":0,"maxRetries":2}}""", "retryRules.busy.delayMinutes")]
    [InlineData("retryRules", """{"noAnswer":{"delayMinutes":30,"maxRetries":99}}""", "retryRules.noAnswer.maxRetries")]
    [InlineData("retryRules", """{"abandoned":{"lockoutHours":0,"maxRetries":1}}""",
        "retryRules.abandoned.lockoutHours")]
    [InlineData("retryRules", """{"greetingHangUp":{"delayMinutes":0,"maxRetries":1}}""",
        "retryRules.greetingHangUp.delayMinutes")]
    [InlineData("dispositionRules", """[{"disposition":"maybe","retry":"never"}]""",
        "dispositionRules[0].disposition")]
    [InlineData("dispositionRules", """[{"disposition":"callback","retry":"never"}]""",
        "dispositionRules[0].disposition")]
    [InlineData("dispositionRules", """[{"disposition":"no-sale","retry":"after","delayMinutes":0,"maxRetries":2}]""",
        "dispositionRules[0].delayMinutes")]
    [InlineData("dispositionRules", """[{"disposition":"no-sale","retry":"after","delayMinutes":30,"maxRetries":0}]""",
        "dispositionRules[0].maxRetries")]
    [InlineData("machineHandling", "\"voicemailDrop\"", "voicemailMessage")]
    [InlineData("safeHarbourMessage", "\"\"", "safeHarbourMessage")]
    [InlineData("safeHarbourMessage", "\"Sorry we missed you, we will call again.\"", "safeHarbourMessage")]
    [InlineData("language", "\"xx-XX\"", "language")]
    [InlineData("voice", "\"Polly.Lucia\"", "voice")]
    [InlineData("optOutDigit", "\"#\"", "optOutDigit")]
    [InlineData("optOutConfirmation", "\"\"", "optOutConfirmation")]
    [InlineData("dispositions", "[]", "dispositions")]
    [InlineData("conversionDispositions", "[\"upsell\"]", "conversionDispositions")]
    [InlineData("costPerMinute", "-1", "costPerMinute")]
    public async Task A_bad_field_is_a_400_naming_that_field(string field, string json, string expectedError)
    {
        var body = ApiCalls.ValidCampaign();
        body[field] = JsonNode.Parse(json);

        var response = await _marketer.PostAsJsonAsync("/api/campaigns", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem["errors"]!.AsObject().ContainsKey(expectedError), problem.ToJsonString());
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused()
    {
        var body = ApiCalls.ValidCampaign();
        body["startAt"] = "2026-12-01T10:00:00Z";
        body["endAt"] = "2026-12-01T09:00:00Z";
        var problem = await (await _marketer.PostAsJsonAsync("/api/campaigns", body)).ReadJsonAsync();
        Assert.True(problem["errors"]!.AsObject().ContainsKey("endAt"));
    }

    [Fact]
    public async Task A_draft_can_be_edited_listed_and_deleted()
    {
        var id = await _marketer.CreateCampaignAsync();
        var body = ApiCalls.ValidCampaign("Renamed");
        body["mode"] = "power";

        var put = await _marketer.PutAsJsonAsync($"/api/campaigns/{id}", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Renamed", (await put.ReadJsonAsync())["name"]!.GetValue<string>());

        var list = await (await _marketer.GetAsync("/api/campaigns?pageSize=500")).ReadJsonAsync();
        Assert.Contains(list["items"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await _marketer.DeleteAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _marketer.GetAsync($"/api/campaigns/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_running_campaign_cannot_be_edited_or_deleted()
    {
        var id = await _marketer.CreateCampaignAsync();
        await using (var db = api.Database.CreateDb())
        {
            var campaign = await db.Campaigns.FindAsync(id);
            campaign!.Status = Dialer.Core.Campaigns.CampaignStatus.Running;
            await db.SaveChangesAsync();
        }

        var put = await _marketer.PutAsJsonAsync($"/api/campaigns/{id}", ApiCalls.ValidCampaign());
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("pause", (await put.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await _marketer.DeleteAsync($"/api/campaigns/{id}")).StatusCode);
    }

    [Fact]
    public async Task Two_edits_of_the_same_version_cannot_both_win()
    {
        var id = await _marketer.CreateCampaignAsync();
        var etag = (await _marketer.GetAsync($"/api/campaigns/{id}")).Headers.ETag!.Tag;

        async Task<HttpStatusCode> Edit(string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Put,
                $"/api/campaigns/{id}")
            { Content = JsonContent.Create(ApiCalls.ValidCampaign(name)) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            return (await _marketer.SendAsync(request)).StatusCode;
        }

        var results = await Task.WhenAll(Edit("first"), Edit("second"));

        Assert.Single(results, s => s == HttpStatusCode.OK);
        Assert.Single(results, s => s == HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task An_unknown_campaign_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound,
            (await _marketer.GetAsync($"/api/campaigns/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await _marketer.PutAsJsonAsync($"/api/campaigns/{Guid.NewGuid()}", ApiCalls.ValidCampaign())).StatusCode);
    }
}

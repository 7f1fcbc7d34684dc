using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.OutboundWebhooks;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Teams;
using Microsoft.AspNetCore.Hosting;

namespace Dialer.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class WebhooksApiTests(ApiFactory api)
{
    static object Subscription(Guid? campaignId, string url = "https://crm.example.com/hooks", string[]? events = null,
        string? secret = null) =>
        new { url, campaignId, secret, events = events ?? [WebhookEvents.DispositionSet, WebhookEvents.ContactDone] };

    [Fact]
    public async Task A_marketer_registers_a_campaign_subscription_and_sees_its_secret_only_once()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();

        var created = await marketer.PostAsJsonAsync("/api/webhooks", Subscription(campaign));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.StartsWith("whsec_", body["secret"]!.GetValue<string>());
        var id = body["id"]!.GetValue<Guid>();
        var read = await (await marketer.GetAsync($"/api/webhooks/{id}")).ReadJsonAsync();
        Assert.Null(read["secret"]);
        var listed = await marketer.GetFromJsonAsync<JsonArray>($"/api/webhooks?campaignId={campaign}");
        Assert.Equal(id, Assert.Single(listed!)!["id"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("ftp://crm.example.com/hooks", null, "url")]
    [InlineData("https://user:pw@crm.example.com/hooks", null, "url")]
    [InlineData("not a url", null, "url")]
    [InlineData("https://crm.example.com/hooks", "too-short", "secret")]
    [InlineData("https://crm.example.com/hooks", null, "events")]
    public async Task Bad_urls_secrets_and_events_are_refused_by_field(string url, string? secret, string field)
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        var events = field == "events" ? new[] { "call.answered", "sale.made" } : null;

        var response = await marketer.PostAsJsonAsync("/api/webhooks", Subscription(campaign, url, events, secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Urls_and_secrets_have_a_size()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        var longUrl = "https://crm.example.com/" + new string('a', WebhookSubscription.MaxUrlChars);

        Assert.Equal(HttpStatusCode.BadRequest, (await marketer.PostAsJsonAsync("/api/webhooks",
            Subscription(campaign, longUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await marketer.PostAsJsonAsync("/api/webhooks",
            Subscription(campaign, secret: new string('s', WebhookSubscription.MaxSecretChars + 1)))).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hooks")]
    public async Task Private_addresses_are_refused_unless_the_setting_allows_them(string url)
    {
        await using var strict = api.WithWebHostBuilder(b => b.UseSetting("Webhooks:AllowPrivateAddresses", "false"));
        var marketer = strict.CreateClient();
        marketer.DefaultRequestHeaders.Add("X-Api-Key", api.KeyOf(Role.Marketer));
        var campaign = await marketer.CreateCampaignAsync();

        var refused = await marketer.PostAsJsonAsync("/api/webhooks", Subscription(campaign, url));
        var allowedHere = await api.ClientAs(Role.Marketer)
            .PostAsJsonAsync("/api/webhooks", Subscription(campaign, url));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowedHere.StatusCode);
    }

    [Fact]
    public async Task A_marketer_subscribes_to_every_campaign_of_their_team_and_another_team_never_sees_it()
    {
        var teams = await new TwoTeams(api).MakeAsync();

        var created = await teams.MarketerB.PostAsJsonAsync("/api/webhooks",
            Subscription(null, events: [WebhookEvents.CampaignStateChanged]));
        var body = await created.ReadJsonAsync();
        var id = body["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(teams.TeamB, body["teamId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.OK, (await teams.MarketerB.GetAsync($"/api/webhooks/{id}")).StatusCode);
        var marketerA = api.ClientAs(Role.Marketer);
        Assert.Equal(HttpStatusCode.NotFound, (await marketerA.GetAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marketerA.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.DoesNotContain((await marketerA.GetFromJsonAsync<JsonArray>("/api/webhooks"))!,
            s => s!["id"]!.GetValue<Guid>() == id);
        Assert.Contains((await api.ClientAs(Role.Admin).GetFromJsonAsync<JsonArray>("/api/webhooks"))!,
            s => s!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await teams.MarketerB.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_teams_campaign_or_team_cannot_be_subscribed_to()
    {
        var teams = await new TwoTeams(api).MakeAsync();

        var campaign = await teams.MarketerB.PostAsJsonAsync("/api/webhooks", Subscription(teams.CampaignA));
        var team = await api.ClientAs(Role.Marketer).PostAsJsonAsync("/api/webhooks",
            new { url = "https://crm.example.com/hooks", teamId = teams.TeamB, events = new[] { "call.ended" } });
        var byAdmin = await api.ClientAs(Role.Admin).PostAsJsonAsync("/api/webhooks",
            new { url = "https://crm.example.com/hooks", teamId = teams.TeamB, events = new[] { "call.ended" } });

        Assert.NotNull((await campaign.ReadJsonAsync())["errors"]!["campaignId"]);
        Assert.NotNull((await team.ReadJsonAsync())["errors"]!["teamId"]);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var id = (await byAdmin.ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await teams.MarketerB.GetAsync($"/api/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Managers_and_agents_have_no_webhooks()
    {
        foreach (var role in new[] { Role.Manager, Role.Agent })
            Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientAs(role).GetAsync("/api/webhooks")).StatusCode);
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.OutboundWebhooks;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;

namespace Dialer.Tests.Webhooks;

/// <summary>The Api on Kestrel, allowed to reach the test's receiver on 127.0.0.1, retrying fast.</summary>
public sealed class WebhookLiveApi : KestrelApi, IAsyncLifetime
{
    public TestDatabase Database { get; }

    public WebhookLiveApi() : this(new TestDatabase()) { }

    WebhookLiveApi(TestDatabase database) : base(database.ConnectionString, new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateAddresses"] = "true",
        ["Webhooks:PollMilliseconds"] = "200",
    }) => Database = database;

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

/// <summary>The builder's webhooks section in Chromium; screenshots go to .artifacts/screenshots/marketers.</summary>
public sealed class WebhookBuilderPageTests(WebhookLiveApi api, Chromium chromium)
    : IClassFixture<WebhookLiveApi>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_marketer_sees_the_campaigns_last_deliveries_and_replays_one_from_the_builder()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        using var client = api.ClientWith(key);
        var campaign = await client.CreateCampaignAsync(ApiCalls.ValidCampaign("Heard by the CRM"));
        var created = await client.PostAsJsonAsync("/api/webhooks", new
        {
            url = receiver.Url, campaignId = campaign, secret = receiver.Secret, description = "Our CRM",
            events = new[] { WebhookEvents.DoNotCallAdded },
        });
        var subscription = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var added = new { numbers = new[] { "+14155550191" }, campaignId = campaign };
        (await client.PostAsJsonAsync("/api/do-not-call", added)).EnsureSuccessStatusCode();
        var first = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1));

        var page = await chromium.NewPageAsync();
        page.Context.SetDefaultTimeout(15_000);
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) blocked.Add(m.Text); };
        await page.SignInAsync($"{api.Url}/campaigns/edit?id={campaign}", key);

        var section = page.Locator($"#webhooks [data-subscription='{subscription}']");
        await Assertions.Expect(section.Locator("h3")).ToHaveTextAsync("Our CRM");
        var row = section.Locator($"tr[data-delivery='{first.DeliveryId}']");
        await Assertions.Expect(row).ToContainTextAsync("Delivered");
        await Assertions.Expect(row).ToContainTextAsync("204");
        await Screenshots.SaveAsync(page, "marketers", "webhooks-last-deliveries");

        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        await Assertions.Expect(page.Locator("#messages"))
            .ToContainTextAsync($"Delivery {first.DeliveryId} is sent again");
        var again = (await receiver.WaitForAsync(r => r.Count == 2))[1];
        Assert.True(again.SignatureValid);
        Assert.Equal(first.Body["id"]!.GetValue<Guid>(), again.Body["id"]!.GetValue<Guid>());
        // the receiver hears it before the sender commits what it answered: the list is asked once that is in
        for (var tries = 0; tries < 50 && !await DeliveredAsync(client, subscription, again.DeliveryId); tries++)
            await Task.Delay(100);
        await page.Locator("#webhooks-refresh").ClickAsync();
        await Assertions.Expect(section.Locator($"tr[data-delivery='{again.DeliveryId}']"))
            .ToContainTextAsync("Delivered");
        Assert.Empty(blocked);
    }

    static async Task<bool> DeliveredAsync(HttpClient client, Guid subscription, long delivery)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/webhooks/{subscription}/deliveries");
        return page!["items"]!.AsArray().Any(d => d!["id"]!.GetValue<long>() == delivery
            && d["state"]!.GetValue<string>() == "Delivered");
    }

    [Fact]
    public async Task A_manager_reading_the_builder_gets_no_webhooks_section()
    {
        var (_, marketerKey) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        var campaign = await api.ClientWith(marketerKey).CreateCampaignAsync();
        var (_, key) = await api.AddUserAsync(Role.Manager, "Max Manager");
        var page = await chromium.SignedInPageAsync($"{api.Url}/campaigns/edit?id={campaign}", key);

        await Assertions.Expect(page.Locator("#history h2")).ToHaveTextAsync("History");
        await Assertions.Expect(page.Locator("#webhooks")).ToHaveCountAsync(0);
    }
}

using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Compliance.Consents;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Dialer.Tests.Scripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.Compliance.Consents.Browser;

/// <summary>The consent behind the call on the agent's card, in Debian's Chromium: what the customer agreed to, when
/// and how, or that none is required; and the customer's withdrawal recorded from the card. Screenshots go to
/// .artifacts/screenshots/consent.</summary>
public sealed class ConsentCardPageTests(LiveApi api, Chromium chromium)
    : IClassFixture<LiveApi>, IClassFixture<Chromium>
{
    const float Slow = 30_000;

    [Fact]
    public async Task The_card_shows_the_consent_held_for_the_call_and_the_agent_records_its_withdrawal()
    {
        var (_, adminKey) = await api.AddUserAsync(Role.Admin, "Ada Admin");
        using var admin = api.ClientWith(adminKey);
        var campaign = ScriptsWorld.CampaignWithScript("Consent offer");
        campaign["requiresConsent"] = true;
        var campaignId = await admin.CreateCampaignAsync(campaign);
        var (agentKey, agentId) = await AgentAsync(admin, "Grace Hopper");
        var (_, contactId) = await ScriptsWorld.CallInWrapUpAsync(api.Database, campaignId, agentId,
            "+14155550171");
        var given = DateTimeOffset.UtcNow.AddDays(-20);
        await using (var db = api.Database.CreateDb())
        {
            db.Consents.Add(new ContactConsent
            {
                ContactId = contactId, CampaignId = campaignId, Kind = ConsentKind.MarketingCalls,
                Source = "web form example.com/signup", GivenAt = given, ValidUntil = given.AddYears(1),
                Text = "Yes, call me about offers", RecordedAt = given, RecordedBy = "import",
            });
            await db.SaveChangesAsync();
        }

        var page = await chromium.SignedInPageAsync(api.Url + "/agent", agentKey);
        page.Context.SetDefaultTimeout(15_000);
        var consent = page.Locator("section.consent");
        await Assertions.Expect(consent).ToContainTextAsync("Consent", new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("#consent-rule"))
            .ToHaveTextAsync("Required for marketing calls: campaign requiresConsent.");
        await Assertions.Expect(consent).ToContainTextAsync("web form example.com/signup");
        await Assertions.Expect(consent).ToContainTextAsync("Yes, call me about offers");
        // when it was given and until when it is valid, not "until withdrawn"
        await Assertions.Expect(consent.Locator("time")).ToHaveCountAsync(2);
        await Assertions.Expect(consent).Not.ToContainTextAsync("until withdrawn");
        await Screenshots.SaveAsync(page, "consent", "01-card-with-consent");

        await page.GetByLabel("Notes").FillAsync("asked not to be called");
        await page.GetByRole(AriaRole.Button, new() { Name = "Customer withdraws consent" }).ClickAsync();
        await Assertions.Expect(page.Locator("#consent-withdrawn"))
            .ToContainTextAsync("Withdrawn", new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("#consent-withdraw")).ToHaveCountAsync(0);
        // only the consent was redrawn: what the agent was typing stays
        await Assertions.Expect(page.GetByLabel("Notes")).ToHaveValueAsync("asked not to be called");
        await Screenshots.SaveAsync(page, "consent", "02-card-withdrawn");
        await using (var db = api.Database.CreateDb())
        {
            var records = await db.Consents.AsNoTracking().Where(c => c.ContactId == contactId).ToListAsync();
            Assert.All(records, r => Assert.Equal(("on a call", true), (r.WithdrawnHow, r.WithdrawnAt is not null)));
            Assert.Equal(ConsentKinds.None, await ConsentsHeld.ForAsync(db, contactId, DateTimeOffset.UtcNow, default));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_call_that_needs_no_consent_says_so_on_the_card()
    {
        var (_, adminKey) = await api.AddUserAsync(Role.Admin, "Ada Admin");
        using var admin = api.ClientWith(adminKey);
        var campaignId = await admin.CreateCampaignAsync(ScriptsWorld.CampaignWithScript("No consent offer"));
        var (agentKey, agentId) = await AgentAsync(admin, "Alan Turing");
        await ScriptsWorld.CallInWrapUpAsync(api.Database, campaignId, agentId, "+14155550172");

        var page = await chromium.SignedInPageAsync(api.Url + "/agent", agentKey);
        page.Context.SetDefaultTimeout(15_000);
        await Assertions.Expect(page.Locator("#consent-rule"))
            .ToHaveTextAsync("None required for this call.", new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("section.consent")).ToContainTextAsync("No consent on file");
        await page.Context.CloseAsync();
    }

    static async Task<(string Key, Guid AgentId)> AgentAsync(HttpClient admin, string name)
    {
        var user = await (await admin.PostAsJsonAsync("/api/users", new { name, role = "agent" }))
            .EnsureSuccessStatusCode().ReadJsonAsync();
        return (user["apiKey"]!.GetValue<string>(), user["agentId"]!.GetValue<Guid>());
    }
}

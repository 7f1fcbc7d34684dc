using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.Preview.Browser;

/// <summary>The agent console and the shared navigation in Debian's Chromium; screenshots go to
/// .artifacts/screenshots/agents.</summary>
public sealed class AgentConsolePageTests(ConsoleSite site, Chromium chromium) : IClassFixture<ConsoleSite>,
IClassFixture<Chromium>
{
    /// <summary>A fresh tab at 1366×768, signed in with the key.</summary>
    async Task<IPage> SignedInAsync(string path, string key)
    {
        var page = await chromium.NewPageAsync();
        page.Context.SetDefaultTimeout(15_000);
        await page.SignInAsync(site.Api.Url + path, key);
        return page;
    }

    [Fact]
    public async Task An_agent_of_a_preview_campaign_sees_the_next_contact_dials_it_talks_and_wraps_up_from_the_keyboard()
    {
        var (campaign, contacts) = await site.PreviewCampaignAsync(2, s => s with
        {
            Script = "Hello, this is Dialer calling about your gold plan renewal. Is now a good time?",
            AgentFields = ["plan", "note"],
        });
        await using (var db = site.Db())
        {
            await db.Contacts.Where(c => c.Id == contacts[0].Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, "Grace Hopper").SetProperty(c => c.Attempts, 1)
                    .SetProperty(c => c.LastOutcome, "no-answer")
                .SetProperty(c => c.Priority, DialPriority.Retry)
                    .SetProperty(c => c.LastAttemptAt, DateTimeOffset.UtcNow.AddHours(-3))
                .SetProperty(c => c.CustomFields,
                    """{"plan":"gold","renewal":"2026-12-01","note":"prefers mornings"}"""));
            await db.Contacts.Where(c => c.Id == contacts[1].Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Alan Turing"));
        }
        var agent = await site.AgentWithKeyAsync(campaign.Id, "Ada Agent", state: AgentState.Offline);
        var page = await SignedInAsync("/agent", agent.Key);

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Agent console"]);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = campaign.Name }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // logged in (waiting for a line) before the line is asked for: the healer hangs up the line of an agent still
        // Offline
        await site.WaitForAgentAsync(agent.Id, a => a.State != AgentState.Offline);
        // the line, as the console's line card asks for it (its own tests drive that card)
        await site.OpenLineAsync(agent.Id);
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Available");
        var card = page.Locator("#preview-name");
        await Assertions.Expect(card).ToHaveTextAsync("Grace Hopper");
        await Assertions.Expect(page.Locator(".contact-card")).ToContainTextAsync("1 of 5");
        await Assertions.Expect(page.Locator(".contact-card")).ToContainTextAsync("prefers mornings");
        // the number's last four digits only, and only the fields the campaign lists
        await Assertions.Expect(page.Locator(".contact-phone")).ToHaveTextAsync("••• ••• " + contacts[0].Phone[^4..]);
        await Assertions.Expect(page.Locator(".contact-card")).Not.ToContainTextAsync("2026-12-01");
        await Assertions.Expect(page.Locator(".contact-card .clock")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator("#hold-left")).ToContainTextAsync("left");
        await Screenshots.SaveAsync(page, "agents", "01-next-contact-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await Screenshots.SaveAsync(page, "agents", "02-next-contact-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);

        await page.Keyboard.PressAsync("d");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("On call", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#customer-name")).ToHaveTextAsync("Grace Hopper");
        await Assertions.Expect(page.Locator("#call-title")).ToHaveTextAsync("On the line");
        await Screenshots.SaveAsync(page, "agents", "03-on-the-line");

        await using (var db = site.Db())
        {
            var attempt = await db.CallAttempts.AsNoTracking().SingleAsync(a => a.ContactId == contacts[0].Id);
            Assert.Equal(agent.Id, attempt.AgentId);
            Assert.NotNull(attempt.BridgedAt);
            Assert.Equal(agent.Identity, Assert.Single(site.Simulator.Calls.Snapshot(contacts[0].Phone)).Agent);
        }

        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Wrap-up", new() { Timeout = 30_000 });
        await page.Keyboard.PressAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "sale", Exact = true }))
            .ToBeCheckedAsync();
        await page.GetByLabel("Notes").FillAsync("Renewed for two years.");
        await Screenshots.SaveAsync(page, "agents", "04-wrap-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save disposition" }).ClickAsync();

        await Assertions.Expect(page.Locator("#preview-name"))
            .ToHaveTextAsync("Alan Turing", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Available");
        await page.GetByLabel("Reason for skipping (optional)").FillAsync("Asked us to write instead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No contact is ready" }))
            .ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "agents", "05-nothing-left-to-preview");

        await using var check = site.Db();
        var sold = await check.CallAttempts.AsNoTracking().SingleAsync(a => a.ContactId == contacts[0].Id);
        Assert.Equal(("sale", "Renewed for two years."), (sold.Disposition, sold.DispositionNotes));
        var skipped = await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == contacts[1].Id);
        Assert.Equal((1, "Asked us to write instead", 0),
            (skipped.SkipCount, skipped.LastSkipReason, skipped.Attempts));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_navigation_shows_each_role_only_its_own_pages()
    {
        var (campaign, _) = await site.PreviewCampaignAsync(1);
        var agent = await site.AgentWithKeyAsync(campaign.Id);
        var (_, marketerKey) = await site.Api.AddUserAsync(Role.Marketer, "Mia Marketer");

        var marketer = await SignedInAsync("/campaigns", marketerKey);
        var links = marketer.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(links).ToHaveTextAsync(["Campaigns", "Do-not-call", "API reference"]);
        var asAgent = await SignedInAsync("/campaigns", agent.Key);
        await Assertions.Expect(asAgent.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link)).ToHaveTextAsync(["Agent console"]);
        await Assertions.Expect(asAgent.GetByRole(AriaRole.Alert)).ToContainTextAsync("This page is for");
        await marketer.Context.CloseAsync();
        await asAgent.Context.CloseAsync();
    }
}

using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.Managers;

/// <summary>The agent wall in Debian's Chromium: live state changes, stuck flags, the supervise button, a logout;
/// screenshots kept.</summary>
public sealed class AgentWallPageTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_watches_the_wall_change_live_and_logs_an_agent_out_from_it()
    {
        var floor = await AgentFloor.SeedAsync(api.Database);
        var page = await SignedInAsync();
        await Assertions.Expect(
            page.Locator(
                $"[data-agent='{floor.OnCall}'] button[data-action='supervise'][data-agent-id='{floor.OnCall}']"))
            .ToHaveTextAsync("Supervise");
        var mismatched = await page.Locator("#agent-rows .agent").EvaluateAllAsync<int>(
            "rows => rows.filter(r => (r.dataset.state === 'OnCall') !== "
                + "!!r.querySelector(`button[data-action=supervise][data-agent-id='${r.dataset.agent}']`)).length");
        Assert.Equal(0, mismatched); // a Supervise button for every agent on a call, and only for them
        await Screenshots.SaveAsync(page, "managers", "agent-wall");

        await page.Locator("#agent-search").FillAsync("ada");
        var ada = page.Locator($"[data-agent='{floor.Ada}']");
        await Assertions.Expect(ada).ToHaveAttributeAsync("data-state", "Available");
        var adaConsole = await chromium.SignedInPageAsync(api.Url + "/agent", floor.AdaKey);
        // logged in already
        await Assertions.Expect(adaConsole.Locator($"#campaign-list input[value='{floor.CampaignId}']"))
            .ToBeCheckedAsync();
        await Assertions.Expect(adaConsole.Locator("#live")).ToHaveTextAsync("Live");
        await Assertions.Expect(adaConsole.Locator("#state")).ToHaveTextAsync("Available");
        await adaConsole.GetByLabel("Break reason").SelectOptionAsync("Coffee");
        // the agent's own console: the wall hears it over RabbitMQ and SignalR
        await adaConsole.GetByRole(AriaRole.Button, new() { Name = "Take a break" }).ClickAsync();

        await Assertions.Expect(ada).ToHaveAttributeAsync("data-state", "Break", new() { Timeout = 3000 });
        await Assertions.Expect(ada.Locator(".why")).ToHaveTextAsync("Coffee");
        await Assertions.Expect(ada.Locator("[data-field=since]"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^00:0[0-3]$"));

        await ada.Locator("button.logout").ClickAsync();
        await Assertions.Expect(page.Locator("#logout-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#logout-when")).ToContainTextAsync("will be logged out now");
        await page.Locator("#logout-reason").FillAsync("end of shift");
        await Screenshots.SaveAsync(page, "managers", "agent-wall-logout", fullPage: false);
        await page.Locator("#logout-confirm").ClickAsync();

        await Assertions.Expect(ada).ToHaveAttributeAsync("data-state", "Offline", new() { Timeout = 3000 });
        await Assertions.Expect(adaConsole.Locator("#notice"))
            .ToHaveTextAsync("You were logged out by floor manager: end of shift.");
        await Assertions.Expect(adaConsole.Locator("#state")).ToHaveTextAsync("Offline");
        await Screenshots.SaveAsync(adaConsole, "managers", "agent-console-logged-out", fullPage: false);
        await using var db = api.Database.CreateDb();
        var move = await db.AgentStateChanges.Where(c => c.AgentId == floor.Ada).OrderBy(c => c.Id).LastAsync();
        Assert.Equal((AgentState.Break, AgentState.Offline, "floor manager"), (move.From, move.To, move.ChangedBy));
        Assert.Equal("logged out by floor manager: end of shift", move.Reason);

        await page.Locator("#agent-search").FillAsync("Ken");
        var ken = page.Locator($"[data-agent='{floor.WrappingUp}']");
        await ken.Locator("button.logout").ClickAsync();
        await Assertions.Expect(page.Locator("#logout-when"))
            .ToContainTextAsync("is in wrap-up: they will be logged out as soon as this call is wrapped up");
        await page.Locator("#logout-confirm").ClickAsync();
        await Assertions.Expect(ken.Locator(".why"))
            .ToHaveTextAsync("logout after this call (floor manager)", new() { Timeout = 3000 });
        await Assertions.Expect(ken.Locator("button.logout")).ToBeDisabledAsync();
        Assert.Equal("WrapUp", await ken.GetAttributeAsync("data-state")); // the customer's call is finished first

        await page.Locator("#agent-search").FillAsync("");
        await page.Locator("[data-filter-state='stuck']").ClickAsync();
        // reserved too long, wrap-up too long, a 31-minute call, a console gone
        await Assertions.Expect(page.Locator("#agent-rows .agent")).ToHaveCountAsync(4);
        var stuck = page.Locator($"[data-agent='{floor.StuckReserved}']");
        await Assertions.Expect(stuck).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stuck"));
        await Assertions.Expect(stuck.Locator("[data-field=flag]"))
            .ToContainTextAsync("Reserved past the 45 s timeout");
        await Screenshots.SaveAsync(page, "managers", "agent-wall-stuck");

        var timesheets = await page.RunAndWaitForPopupAsync(() => page.Locator("#timesheets-open").ClickAsync());
        await Assertions.Expect(timesheets.Locator("h1")).ToHaveTextAsync("Agent timesheets");
        await Assertions.Expect(timesheets.Locator("td", new() { HasText = "Ada Lovelace" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(timesheets, "managers", "agent-timesheets");
    }

    [Fact]
    public async Task A_thousand_agents_render_only_the_rows_in_view()
    {
        await AgentFloor.SeedAsync(api.Database, extraAgents: 1000);
        var page = await SignedInAsync();
        await Assertions.Expect(page.Locator("#agent-rows .agent").First).ToBeVisibleAsync();

        var rendered = await page.Locator("#agent-rows .agent").CountAsync();
        var height = await page.Locator("#agent-rows .spacer").EvaluateAsync<string>("e => e.style.height");

        Assert.InRange(rendered, 1, 40);
        Assert.True(int.Parse(height.Replace("px", "")) >= 1000 * 48, height);
        await page.Locator("#agent-search").FillAsync("Agent 0999");
        await Assertions.Expect(page.Locator("#agent-rows .agent")).ToHaveCountAsync(1);
    }

    async Task<IPage> SignedInAsync()
    {
        var (_, key) = await api.AddUserAsync(Role.Manager, "floor manager");
        var page = await chromium.SignedInPageAsync(api.Url + "/manager/", key, 1440, 1100);
        await Assertions.Expect(page.Locator("#floor")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
        return page;
    }
}

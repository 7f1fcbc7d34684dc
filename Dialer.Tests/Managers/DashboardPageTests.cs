using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dialer.Tests.Managers;

/// <summary>The managers' floor in Debian's Chromium: sign in, watch figures change live, act, and keep screenshots.</summary>
public sealed class DashboardPageTests(LiveApi api) : IClassFixture<LiveApi>, IAsyncLifetime
{
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    [Fact]
    public async Task A_manager_signs_in_and_sees_a_campaigns_figures_update_live()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var page = await SignedInAsync();
        var conversions = page.Locator($"[data-campaign='{id}'] [data-field='conversions']");
        await Assertions.Expect(conversions).ToContainTextAsync("2 ");

        await AddSaleAsync(id);
        await api.Services.GetRequiredService<IBus>().Publish(new CallCompleted(Guid.NewGuid(), id, "completed", "human", 90, DateTimeOffset.UtcNow));

        await Assertions.Expect(conversions).ToContainTextAsync("3 ", new() { Timeout = 3000 });
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
        await page.Locator($"[data-campaign='{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("#chart-outcomes text").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("manager-dashboard.png"), FullPage = true });

        await page.Locator($"[data-campaign='{id}'] button.pause").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-campaign='{id}'] .status")).ToHaveTextAsync("paused");
    }

    [Fact]
    public async Task Hundreds_of_campaigns_render_only_the_rows_in_view()
    {
        await using (var db = api.Database.CreateDb())
        {
            for (var i = 0; i < 400; i++)
                db.Campaigns.Add(Campaign.Create(new CampaignSettings { Name = $"bulk {i:000}", CallerId = "+14155550100" }, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var page = await SignedInAsync();
        await Assertions.Expect(page.Locator("#rows .row").First).ToBeVisibleAsync();

        var rendered = await page.Locator("#rows .row").CountAsync();
        var height = await page.Locator("#rows .spacer").EvaluateAsync<string>("e => e.style.height");

        Assert.InRange(rendered, 1, 40);
        Assert.True(int.Parse(height.Replace("px", "")) >= 400 * 52, height);
        await page.Locator("#rows").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
        await Assertions.Expect(page.Locator("#rows .row", new() { HasText = "bulk 399" })).ToBeVisibleAsync();
    }

    async Task<IPage> SignedInAsync()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await page.GotoAsync(api.Url + "/manager/");
        await page.GetByLabel("API key").FillAsync(api.ManagerKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#floor .floor-head")).ToBeVisibleAsync(); // the floor itself, not the sign-in form
        return page;
    }

    async Task AddSaleAsync(Guid campaignId)
    {
        await using var db = api.Database.CreateDb();
        var contact = db.Contacts.First(c => c.CampaignId == campaignId);
        var now = DateTimeOffset.UtcNow;
        db.CallAttempts.Add(new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = campaignId, ContactId = contact.Id, State = AttemptState.Completed, Outcome = "completed",
            CreatedAt = now, DialedAt = now, AnsweredAt = now, AnsweredBy = "human", BridgedAt = now, EndedAt = now, Disposition = "sale",
            DurationSeconds = 90, CallSid = "CA" + Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Screenshots go with the test results (ops/test's .artifacts), for people to look at.</summary>
    public static string Screenshot(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, ".artifacts", "screenshots", "managers");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

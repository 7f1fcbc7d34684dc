using Dialer.Contracts;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dialer.Tests.Managers;

/// <summary>The managers' floor in Debian's Chromium: sign in, watch figures change live, act, and keep
/// screenshots.</summary>
public sealed class DashboardPageTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_signs_in_and_sees_a_campaigns_figures_update_live()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var page = await SignedInAsync();
        var conversions = page.Locator($"[data-campaign='{id}'] [data-field='conversions']");
        await Assertions.Expect(conversions).ToContainTextAsync("2 ");

        await AddSaleAsync(id);
        await api.Services.GetRequiredService<IBus>()
            .Publish(new CallCompleted(Guid.NewGuid(), id, "completed", "human", 90, DateTimeOffset.UtcNow));

        await Assertions.Expect(conversions).ToContainTextAsync("3 ", new() { Timeout = 3000 });
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
        await page.Locator($"[data-campaign='{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("#chart-outcomes text").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "managers", "manager-dashboard");

        await page.Locator($"[data-campaign='{id}'] button.pause").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-campaign='{id}'] .status")).ToHaveTextAsync("paused");
    }

    [Fact]
    public async Task A_campaign_the_dialer_paused_says_why_on_the_floor()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var page = await SignedInAsync();
        var row = page.Locator($"[data-campaign='{id}']");
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("running");

        await AccountErrorPause.PauseAsync(api.Services, id); // as the Worker does on a 401/20003

        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("paused", new() { Timeout = 5000 });
        await Assertions.Expect(row.Locator(".pause-reason")).ToContainTextAsync("Twilio error 20003");
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#detail-pause-reason")).ToHaveTextAsync(AccountErrorPause.Reason);
        await Screenshots.SaveAsync(page, "managers", "paused-by-an-account-error");
    }

    [Fact]
    public async Task Hundreds_of_campaigns_render_only_the_rows_in_view()
    {
        await using (var db = api.Database.CreateDb())
        {
            for (var i = 0; i < 400; i++)
                db.Campaigns.Add(
                    Campaign.Create(new CampaignSettings { Name = $"bulk {i:000}", CallerId = "+14155550100" },
                        DateTimeOffset.UtcNow));
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
        var (_, key) = await api.AddUserAsync(Role.Manager, "floor manager");
        var page = await chromium.SignedInPageAsync(api.Url + "/manager/", key, 1440, 1000);
        // the floor itself, not the sign-in form
        await Assertions.Expect(page.Locator("#floor .floor-head")).ToBeVisibleAsync();
        return page;
    }

    async Task AddSaleAsync(Guid campaignId)
    {
        await using var db = api.Database.CreateDb();
        var contact = db.Contacts.First(c => c.CampaignId == campaignId);
        var now = DateTimeOffset.UtcNow;
        db.CallAttempts.Add(new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = campaignId, ContactId = contact.Id, State = AttemptState.Completed,
            Outcome = "completed",
            CreatedAt = now, DialedAt = now, AnsweredAt = now, AnsweredBy = "human", BridgedAt = now, EndedAt = now,
            Disposition = "sale", Converted = true, LiveAnswer = true,
            DurationSeconds = 90, CallSid = "CA" + Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();
    }
}

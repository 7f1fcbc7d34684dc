using Dialer.Core.Auth;
using Dialer.Core.CallerIds;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Dialer.Tests.Managers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.CallerIds.Browser;

/// <summary>The floor's caller-ID section in Debian's Chromium: a resting number, and a manager clearing it.</summary>
public sealed class CallerIdFloorTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
    IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_sees_each_numbers_day_and_clears_a_rest()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        const string number = "+14155550100"; // the seeded campaign's caller ID
        var now = DateTimeOffset.UtcNow;
        await using (var db = api.Database.CreateDb())
        {
            // a pool of two: a lone default number keeps no ledger and never rests (CallerIdPool.NeedsLedger)
            await db.Database.ExecuteSqlAsync($$"""
                UPDATE campaigns SET settings = settings || jsonb_build_object('callerIds',
                  coalesce(settings -> 'callerIds', '{}') || '{"numbers": ["+14155550111"]}')
                WHERE id = {{id}}
                """);
            db.CallerIdDays.Add(new CallerIdDay
            {
                Phone = number, Day = CallerIdLedger.DayOf(number, now), Calls = 40, Answers = 3, RestedAt = now,
            });
            await db.SaveChangesAsync();
        }
        var (_, key) = await api.AddUserAsync(Role.Manager, "floor manager");
        var page = await chromium.SignedInPageAsync(api.Url + "/manager/", key, 1440, 1000);
        await page.Locator($"[data-campaign='{id}']").ClickAsync();

        var row = page.Locator($"#caller-id-rows tr[data-number='{number}']");
        await Assertions.Expect(row).ToContainTextAsync("40");
        await Assertions.Expect(row).ToContainTextAsync("7.5%");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("resting");
        await Screenshots.SaveAsync(page, "managers", "caller-ids-resting");

        await row.GetByRole(AriaRole.Button, new() { Name = "Clear rest" }).ClickAsync();
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("calling");
        await using (var db = api.Database.CreateDb())
        {
            var day = await db.CallerIdDays.AsNoTracking().SingleAsync(d => d.Phone == number);
            Assert.Null(day.RestedAt);
            Assert.Equal(40, day.ClearedCalls);
            Assert.NotNull(day.ClearedBy);
        }
    }
}

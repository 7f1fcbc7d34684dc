using Dialer.Core.CallerIds;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.CallerIds;

public sealed class LocalPresenceTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    [Fact]
    public async Task Each_customer_sees_the_pool_number_of_their_area_code_else_the_default()
    {
        string[] newYork = CallerIdWorld.Phones("+1212555", 3), chicago = CallerIdWorld.Phones("+1312555", 3),
            elsewhere = [.. CallerIdWorld.Phones("+1646555", 2), .. CallerIdWorld.Phones("+1503555", 2)];
        var campaign = await world.CampaignAsync(
            new CallerIdPool { Numbers = [CallerIdWorld.NewYork, CallerIdWorld.Chicago] },
            [.. newYork, .. chicago, .. elsewhere]);

        var attempts = await world.DialAsync(campaign, 10);
        Assert.Equal(10, attempts.Count);
        await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.CallSid is not null);

        var from = world.FromByTo(); // the simulator's own record of each call's From
        Assert.All(newYork, p => Assert.Equal(CallerIdWorld.NewYork, from[p]));
        Assert.All(chicago, p => Assert.Equal(CallerIdWorld.Chicago, from[p]));
        Assert.All(elsewhere, p => Assert.Equal(CallerIdWorld.Default, from[p]));
        var day = CallerIdLedger.DayOf(CallerIdWorld.NewYork, DateTimeOffset.UtcNow);
        await using (var db = world.Db())
            Assert.Equal(3, (await db.CallerIdDays.FindAsync(CallerIdWorld.NewYork, day))!.Calls);
        // the answers are added up in the Worker and written within a second (CallerIdCounts)
        await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);
        var answers = 0;
        for (var tries = 0; tries < 50 && answers < 3; tries++, await Task.Delay(100))
        {
            await using var db = world.Db();
            answers = await db.CallerIdDays.Where(d => d.Phone == CallerIdWorld.NewYork && d.Day == day)
                .Select(d => d.Answers).SingleAsync();
        }
        Assert.Equal(3, answers);
    }
}

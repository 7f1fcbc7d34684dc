using Dialer.Core.CallerIds;

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
        await using var db = world.Db();
        Assert.Equal(3, (await db.CallerIdDays.FindAsync(CallerIdWorld.NewYork,
            CallerIdLedger.DayOf(CallerIdWorld.NewYork, DateTimeOffset.UtcNow)))!.Calls);
    }
}

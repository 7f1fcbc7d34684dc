using Dialer.Core.Auth;
using Dialer.Core.CallerIds;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.CallerIds;

/// <summary>
/// A campaign with its default number alone and no cap keeps no caller-ID ledger (no round trips on its dials), yet
/// each attempt names the number it showed and the floor counts the number's day from them.
/// </summary>
public sealed class LoneDefaultTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    [Fact]
    public async Task A_lone_default_number_is_shown_without_a_ledger_and_counted_from_its_attempts()
    {
        string[] phones = CallerIdWorld.Phones("+1646555", 4);
        var campaign = await world.CampaignAsync(new CallerIdPool(), phones);

        var attempts = await world.DialAsync(campaign, phones.Length);
        Assert.Equal(phones.Length, attempts.Count);
        var placed = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.CallSid is not null);

        var from = world.FromByTo(); // the simulator's own record of each call's From
        Assert.All(phones, p => Assert.Equal(CallerIdWorld.Default, from[p]));
        Assert.All(placed, a => Assert.Equal(CallerIdWorld.Default, a.CallerId));
        await using (var db = world.Db())
            Assert.False(await db.CallerIdDays.AnyAsync(d => d.Phone == CallerIdWorld.Default));

        var (_, managerKey) = await world.Api.AddUserAsync(Role.Manager, "manager");
        var view = await (await world.Api.ClientWith(managerKey).GetAsync($"/api/campaigns/{campaign.Id}/caller-ids"))
            .ReadJsonAsync();
        var row = Assert.Single(view["numbers"]!.AsArray())!;
        Assert.Equal(CallerIdWorld.Default, row["number"]!.GetValue<string>());
        Assert.Equal(phones.Length, row["calls"]!.GetValue<int>());
    }
}

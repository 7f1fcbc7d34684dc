using Dialer.Core.Auth;
using Dialer.Core.CallerIds;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.CallerIds;

/// <summary>
/// A campaign with its default number alone and no cap spends no round trip on a ledger as it dials, yet each attempt
/// names the number it showed, the floor counts the number's day from them, and the number's ledger row counts its
/// calls a second later, as it counts their answers: a number shared with a pool campaign must not show answers of
/// calls it never counted (its answer rate would rest the pool's other numbers).
/// </summary>
public sealed class LoneDefaultTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    [Fact]
    public async Task A_lone_default_number_is_shown_without_a_ledger_round_trip_and_counts_its_calls_with_its_answers()
    {
        // a pool campaign shows the default number outside its pool's area codes: the number has a ledger row today
        var pooled = await world.CampaignAsync(new CallerIdPool { Numbers = [CallerIdWorld.Chicago] },
            CallerIdWorld.Phones("+1503555", 1));
        var first = await world.DialOneAsync(pooled);
        Assert.Equal(CallerIdWorld.Default, first?.CallerId);
        string[] phones = CallerIdWorld.Phones("+1646555", 4);
        var campaign = await world.CampaignAsync(new CallerIdPool(), phones);

        var attempts = await world.DialAsync(campaign, phones.Length);
        Assert.Equal(phones.Length, attempts.Count);
        var placed = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.CallSid is not null);

        var from = world.FromByTo(); // the simulator's own record of each call's From
        Assert.All(phones, p => Assert.Equal(CallerIdWorld.Default, from[p]));
        Assert.All(placed, a => Assert.Equal(CallerIdWorld.Default, a.CallerId));

        var ended = await world.WaitForAttemptsAsync([first!.Id, .. attempts.Select(a => a.Id)], a => a.IsFinal);
        var answered = ended.Count(a => a.AnsweredAt is not null);
        Assert.True(answered > 0, "the simulated customers answer every other call");
        var day = CallerIdLedger.DayOf(CallerIdWorld.Default, DateTimeOffset.UtcNow);
        CallerIdDay? row = null;
        for (var tries = 0; tries < 50 && (row?.Calls, row?.Answers) != (1 + phones.Length, answered);
             tries++, await Task.Delay(100))
        {
            await using var db = world.Db();
            row = await db.CallerIdDays.AsNoTracking().SingleOrDefaultAsync(
                d => d.Phone == CallerIdWorld.Default && d.Day == day);
        }
        Assert.Equal((1 + phones.Length, answered), (row?.Calls, row?.Answers));

        var (_, managerKey) = await world.Api.AddUserAsync(Role.Manager, "manager");
        var view = await (await world.Api.ClientWith(managerKey).GetAsync($"/api/campaigns/{campaign.Id}/caller-ids"))
            .ReadJsonAsync();
        var number = Assert.Single(view["numbers"]!.AsArray())!;
        Assert.Equal(CallerIdWorld.Default, number["number"]!.GetValue<string>());
        Assert.Equal(1 + phones.Length, number["calls"]!.GetValue<int>()); // the number's day, whichever campaign
    }
}

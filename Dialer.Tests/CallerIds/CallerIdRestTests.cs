using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.CallerIds;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.CallerIds;

/// <summary>The simulator's customers never answer <see cref="CallerIdWorld.Spam"/>: it rests once it has shown it.
/// </summary>
public sealed class CallerIdRestTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    [Fact]
    public async Task A_number_answered_far_less_than_its_pool_rests_for_the_day_until_a_manager_clears_it()
    {
        var campaign = await world.CampaignAsync(
            new CallerIdPool { Numbers = [CallerIdWorld.Spam, CallerIdWorld.Other], RestAfterCalls = 5 },
            CallerIdWorld.Phones("+1415555", 30));
        var attempts = new List<CallAttempt>();
        for (var i = 0; i < 15; i++) attempts.Add((await world.DialOneAsync(campaign))!);
        // the three local numbers take turns (fewest calls first): five each
        Assert.Equal(5, world.FromByTo().Values.Count(f => f == CallerIdWorld.Spam));
        await world.WaitForAttemptsAsync(attempts.Where(a => a.CallerId != CallerIdWorld.Spam).Select(a => a.Id),
            a => a.AnsweredAt is not null);

        var before = world.FromByTo().Keys.ToHashSet();
        for (var i = 0; i < 6; i++) await world.DialOneAsync(campaign);
        var later = world.FromByTo().Where(c => !before.Contains(c.Key)).Select(c => c.Value).ToList();
        Assert.Equal(6, later.Count);
        Assert.DoesNotContain(CallerIdWorld.Spam, later);

        var (_, managerKey) = await world.Api.AddUserAsync(Role.Manager, "manager");
        var manager = world.Api.ClientWith(managerKey);
        var view = await (await manager.GetAsync($"/api/campaigns/{campaign.Id}/caller-ids")).ReadJsonAsync();
        var spam = view["numbers"]!.AsArray().Single(n => n!["number"]!.GetValue<string>() == CallerIdWorld.Spam)!;
        Assert.True(spam["rested"]!.GetValue<bool>());
        Assert.Equal(5, spam["calls"]!.GetValue<int>());
        Assert.Equal(0, spam["answers"]!.GetValue<int>());

        var path = $"/api/campaigns/{campaign.Id}/caller-ids/rest-clearances";
        Task<HttpResponseMessage> Clear(HttpClient client, string number) =>
            client.PostAsJsonAsync(path, new { number });
        var (_, marketerKey) = await world.Api.AddUserAsync(Role.Marketer, "marketer");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Clear(world.Api.ClientWith(marketerKey), CallerIdWorld.Spam)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Clear(manager, CallerIdWorld.Spam)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Clear(manager, CallerIdWorld.Spam)).StatusCode); // not resting
        Assert.Equal(HttpStatusCode.NotFound, (await Clear(manager, "+14155550155")).StatusCode); // not the pool's
        Assert.Equal(HttpStatusCode.BadRequest, (await Clear(manager, "not-a-number")).StatusCode);

        // cleared, it is judged afresh: it has the fewest calls of the three, so it calls next
        var next = await world.DialOneAsync(campaign);
        Assert.Equal(CallerIdWorld.Spam, next!.CallerId);
        await using var db = world.Db();
        Assert.Equal(CallerIdWorld.Spam, world.FromByTo()[(await db.Contacts.FindAsync(next.ContactId))!.Phone]);
    }
}

using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.CallerIds;

public sealed class CallerIdCapTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    [Fact]
    public async Task No_number_places_more_calls_than_its_daily_cap_and_the_campaign_pauses_when_all_are_spent()
    {
        var campaign = await world.CampaignAsync(new CallerIdPool { Numbers = [CallerIdWorld.Other], DailyCap = 3 },
            CallerIdWorld.Phones("+1415555", 8));

        var attempts = new List<CallAttempt>();
        for (var i = 0; i < 8; i++)
            if (await world.DialOneAsync(campaign) is { } attempt) attempts.Add(attempt);

        Assert.True(attempts.All(a => a.State != AttemptState.Failed),
            string.Join("; ", attempts.Select(a => a.Error)));
        var from = world.FromByTo().Values.ToList();
        Assert.Equal(3, from.Count(f => f == CallerIdWorld.Other));
        Assert.Equal(3, from.Count(f => f == CallerIdWorld.Default));
        Assert.Equal(6, from.Count);
        var refused = Assert.Single(attempts, a => a.State == AttemptState.Skipped);
        Assert.Equal(CallerIdChoice.NoneAvailable, refused.Outcome);
        await using var db = world.Db();
        var paused = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id);
        Assert.Equal(CampaignStatus.Paused, paused.Status);
        Assert.Contains("daily cap or resting", paused.PauseReason);
        // the contact refused for want of a number keeps its attempt and its place
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == refused.ContactId);
        Assert.Equal(0, contact.Attempts);
    }
}

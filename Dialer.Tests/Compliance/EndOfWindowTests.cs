using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance;

public sealed class EndOfWindowWorld : DialingWorld;

/// <summary>
/// The last calls before a window closes or a campaign ends: none may still be ringing after it. The Worker's ring
/// timeout here is 15 s and its request timeout 2 s.
/// </summary>
public sealed class EndOfWindowTests(EndOfWindowWorld world) : IClassFixture<EndOfWindowWorld>
{
    [Fact]
    public async Task A_contact_whose_window_closes_within_a_ring_is_not_claimed_but_deferred_to_its_next_opening()
    {
        var zone = DialingWorld.ZoneOpenNow();
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var closes = TimeOnly.FromDateTime(local.DateTime.AddSeconds(20));
        var (campaign, contacts) = await world.RunningCampaignAsync(1, s => s with
        {
            CallingWindow = DialingWorld.AlwaysOpen() with { End = closes },
        });
        await SetZoneAsync(contacts[0], zone);

        var attempts = await world.DialAsync(campaign, 1);
        await Task.Delay(1000);

        Assert.Empty(attempts);
        var contact = await ContactAsync(contacts[0]);
        Assert.Equal((ContactStatus.Pending, 0), (contact.Status, contact.Attempts));
        Assert.True(contact.NextAttemptAt > DateTimeOffset.UtcNow.AddHours(8), $"due at {contact.NextAttemptAt:O}");
        Assert.Empty(world.Simulator.Calls.Snapshot(contact.Phone));
    }

    [Fact]
    public async Task A_campaign_ending_within_a_ring_claims_no_more_contacts()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1, s => s with
        {
            EndAt = DateTimeOffset.UtcNow.AddSeconds(20),
        });

        var attempts = await world.DialAsync(campaign, 1);
        await Task.Delay(1000);

        Assert.Empty(attempts);
        var contact = await ContactAsync(contacts[0]);
        Assert.Equal((ContactStatus.Pending, 0), (contact.Status, contact.Attempts));
        // it keeps its place
        Assert.Equal(contacts[0].NextAttemptAt!.Value, contact.NextAttemptAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Empty(world.Simulator.Calls.Snapshot(contact.Phone));
    }

    [Fact]
    public async Task A_dial_whose_campaign_ends_before_it_could_stop_ringing_is_refused_at_the_dial()
    {
        // the end time as the Worker finds it; the claim was made before anyone could see it coming
        var (campaign, contacts) = await world.RunningCampaignAsync(1, s => s with
        {
            EndAt = DateTimeOffset.UtcNow.AddSeconds(5),
        });
        var unaware = Campaign.Create(campaign.Settings with { EndAt = null }, DateTimeOffset.UtcNow);
        (unaware.Id, unaware.Status) = (campaign.Id, CampaignStatus.Running);
        List<CallAttempt> attempts;
        await using (var db = world.Db())
            attempts = [.. await new ContactClaimer(db).ClaimAsync(world.Changes(db), unaware, 1, default)];

        var done = Assert.Single(await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal));

        Assert.Equal((AttemptState.Skipped, "campaign-end-time"), (done.State, done.Outcome));
        var contact = await ContactAsync(contacts[0]);
        Assert.Equal((ContactStatus.Pending, 0), (contact.Status, contact.Attempts));
        Assert.Empty(world.Simulator.Calls.Snapshot(contact.Phone));
    }

    async Task SetZoneAsync(Contact contact, string zone)
    {
        await using var db = world.Db();
        await db.Contacts.Where(c => c.Id == contact.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZones, new[] { zone }));
    }

    async Task<Contact> ContactAsync(Contact contact)
    {
        await using var db = world.Db();
        return await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
    }
}

using System.Text.Json;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Lists;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

/// <summary>A running campaign with a dial filter, dialed by the Worker against the simulator.</summary>
public sealed class DialFilterDialingTests(BusyWorld world) : IClassFixture<BusyWorld>
{
    [Fact]
    public async Task A_running_campaign_with_a_filter_calls_only_the_numbers_inside_it()
    {
        ColumnCondition[] filter = [new("segment", ["gold", "silver"]), new("state", ["FL"])];
        var (campaign, _) = await world.RunningCampaignAsync(0, s => s with
        {
            DialFilter = filter,
            MaxAttempts = 3,
            MaxAttemptsPer24Hours = 3,
        });
        var random = new Random(7);
        string[] segments = ["gold", "silver", "bronze"];
        string[] states = ["US-FL", "US-GA"];
        await using (var db = world.Db())
        {
            db.Contacts.AddRange(Enumerable.Range(0, 40).Select(i => new Contact
            {
                CampaignId = campaign.Id, Phone = $"+1305{random.Next(200, 999)}{i:D4}",
                TimeZones = [DialingWorld.ZoneOpenNow()], StatedJurisdiction = states[random.Next(2)],
                CustomFields = JsonSerializer.Serialize(new { segment = segments[random.Next(3)] }),
                Status = ContactStatus.Pending, NextAttemptAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
            await DialFilterParking.ApplyAsync(db, campaign.Id, filter, default);
            // one outside the filter made due behind the parking's back: the claim must still pass it by
            await db.Contacts.Where(c => c.CampaignId == campaign.Id && c.Status == ContactStatus.Filtered)
                .OrderBy(c => c.Id).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Pending));
        }

        for (var round = 0; round < 3; round++)
        {
            var attempts = await world.DialAsync(campaign, 40);
            await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal, TimeSpan.FromSeconds(60));
            await using var db = world.Db();
            await db.Contacts.Where(c => c.CampaignId == campaign.Id && c.Status == ContactStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, DateTimeOffset.UtcNow));
        }

        await using var check = world.Db();
        var contacts = await check.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync();
        var inside = contacts.Where(c => ContactFilter.Admits(filter, c)).ToList();
        var outside = contacts.Except(inside).ToList();
        Assert.NotEmpty(inside);
        Assert.NotEmpty(outside);
        Assert.All(outside, c => Assert.Empty(world.Simulator.Calls.Snapshot(c.Phone)));
        Assert.All(outside, c => Assert.Equal(ContactStatus.Filtered, c.Status));
        Assert.All(inside, c => Assert.NotEmpty(world.Simulator.Calls.Snapshot(c.Phone)));
    }
}

using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Registries;

public sealed class RegistryWorld : DialingWorld;

/// <summary>National registry copies end to end: the claim, the Worker and the simulator's record.</summary>
public sealed class RegistryDialTests(RegistryWorld world) : IClassFixture<RegistryWorld>
{
    async Task<RegistryList> CopyAsync(string name, int daysOld, params string[] phones)
    {
        await using var db = world.Db();
        var list = new RegistryList
        {
            Id = Guid.CreateVersion7(), TeamId = null, Name = name, Jurisdiction = "US", Active = true,
            DownloadedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysOld), UploadedAt = DateTimeOffset.UtcNow,
            Numbers = phones.Length,
        };
        db.RegistryLists.Add(list);
        db.RegistryNumbers.AddRange(phones.Select(p => new RegistryNumber { Phone = p, ListId = list.Id }));
        await db.SaveChangesAsync();
        return list;
    }

    [Fact]
    public async Task A_running_campaign_never_dials_a_number_on_the_registry()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(3);
        var listed = contacts[1];
        await CopyAsync("National Do Not Call Registry", 2, listed.Phone);

        var attempts = await world.DialAsync(campaign, 3);

        Assert.Equal([contacts[0].Id, contacts[2].Id], attempts.Select(a => a.ContactId).Order());
        await world.WaitForAttemptsAsync([.. attempts.Select(a => a.Id)], a => a.IsFinal);
        Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Single(world.Simulator.Calls.Snapshot(contacts[2].Phone));
        Assert.Empty(world.Simulator.Calls.Snapshot(listed.Phone));
        await using var db = world.Db();
        var refused = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == listed.Id);
        Assert.Equal((ContactStatus.Done, DialPermit.NationalRegistry), (refused.Status, refused.LastOutcome));
        Assert.False(await db.CallAttempts.AnyAsync(a => a.ContactId == listed.Id));
    }

    [Fact]
    public async Task A_registry_copy_older_than_31_days_stops_every_US_dial_until_a_fresh_one_comes()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(2);
        var old = await CopyAsync("State registry", 32);
        try
        {
            Assert.Empty(await world.DialAsync(campaign, 2));
            Assert.All(contacts, c => Assert.Empty(world.Simulator.Calls.Snapshot(c.Phone)));
            await using (var db = world.Db())
            {
                var waiting = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync();
                Assert.All(waiting, c => Assert.Equal(ContactStatus.Pending, c.Status));
                Assert.All(waiting, c => Assert.InRange(c.NextAttemptAt!.Value - DateTimeOffset.UtcNow,
                    TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61)));
            }

            await CopyAsync("State registry", 1); // a fresh copy of the same registry
            await using (var db = world.Db())
                await db.Contacts.Where(c => c.CampaignId == campaign.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, DateTimeOffset.UtcNow));
            var attempts = await world.DialAsync(campaign, 2);
            Assert.Equal(2, attempts.Count);
            await world.WaitForAttemptsAsync([.. attempts.Select(a => a.Id)], a => a.IsFinal);
            Assert.All(contacts, c => Assert.Single(world.Simulator.Calls.Snapshot(c.Phone)));
        }
        finally
        {
            await using var db = world.Db();
            await db.RegistryLists.Where(l => l.Name == "State registry").ExecuteDeleteAsync();
        }
    }
}

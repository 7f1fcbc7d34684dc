using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Dialing;

public sealed class RefusalWorld : DialingWorld;

/// <summary>
/// The Worker's permit check refuses a dial the claim allowed (the campaign was paused, the window closed while the
/// PlaceCall waited): like the claim, it defers the contact, and the attempt it never placed is not spent.
/// </summary>
public sealed class DialRefusalTests(RefusalWorld world) : IClassFixture<RefusalWorld>
{
    [Fact]
    public async Task A_campaign_paused_while_its_dials_waited_keeps_its_contacts_due_and_their_attempts_unspent()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(2);
        var due = await DueTimesAsync(contacts);

        var attempts = await ClaimThenAsync(campaign, 2, unit =>
            unit.Db.Campaigns.Where(c => c.Id == campaign.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Paused)));

        var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);
        Assert.All(done, a => Assert.Equal((AttemptState.Skipped, DialPermit.CampaignNotRunning),
            (a.State, a.Outcome)));
        await using var db = world.Db();
        foreach (var contact in await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync())
        {
            Assert.Equal((ContactStatus.Pending, 0), (contact.Status, contact.Attempts));
            Assert.Equal(due[contact.Id], contact.NextAttemptAt); // it keeps its place in the list
            Assert.Empty(world.Simulator.Calls.Snapshot(contact.Phone));
        }
    }

    [Fact]
    public async Task A_window_closed_while_the_dial_waited_defers_the_contact_to_its_opening_with_its_attempt_unspent()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var closed = ZoneClosedNow();

        // the contact's zone as the Worker will see it: where the window has closed since the claim
        var attempts = await ClaimThenAsync(campaign, 1, unit =>
            unit.Db.Contacts.Where(c => c.Id == contacts[0].Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZones, new[] { closed })));

        var done = Assert.Single(await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal));
        Assert.Equal((AttemptState.Skipped, DialPermit.OutsideHours), (done.State, done.Outcome));
        await using var db = world.Db();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contacts[0].Id);
        Assert.Equal((ContactStatus.Pending, 0), (contact.Status, contact.Attempts));
        Assert.True(contact.NextAttemptAt > DateTimeOffset.UtcNow, $"due again at {contact.NextAttemptAt:O}");
        Assert.True(CallingHours.IsOpen(DialingWorld.AlwaysOpen(), [closed], contact.NextAttemptAt!.Value));
        Assert.Empty(world.Simulator.Calls.Snapshot(contact.Phone));
    }

    [Fact]
    public async Task A_number_listed_while_the_dial_waited_stays_a_final_refusal()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);

        var attempts = await ClaimThenAsync(campaign, 1, unit =>
        {
            unit.Db.DoNotCall.Add(new DoNotCallEntry
            {
                Phone = contacts[0].Phone, AddedAt = DateTimeOffset.UtcNow, Reason = "asked",
            });
            return Task.CompletedTask;
        });

        var done = Assert.Single(await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal));
        Assert.Equal((AttemptState.Skipped, DialPermit.DoNotCall), (done.State, done.Outcome));
        await using var db = world.Db();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contacts[0].Id);
        Assert.Equal(ContactStatus.Suppressed, contact.Status);
        Assert.Empty(world.Simulator.Calls.Snapshot(contacts[0].Phone));
    }

    /// <summary>Claims as the pacer does and, in the claim's own commit, changes what the Worker will find.</summary>
    async Task<List<CallAttempt>> ClaimThenAsync(Campaign campaign, int lines, Func<StateChange, Task> meanwhile)
    {
        await using var db = world.Db();
        var fresh = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id);
        var claimer = new ContactClaimer(db);
        return await world.Changes(db).RunAsync(async (unit, ct) =>
        {
            var (permitted, _) = await claimer.LockPermittedAsync(fresh, lines, unit.Now, ct);
            var started = permitted.Select(c => claimer.StartAttempt(unit, fresh, c)).ToList();
            await meanwhile(unit);
            return started;
        }, default);
    }

    async Task<Dictionary<long, DateTimeOffset?>> DueTimesAsync(List<Contact> contacts)
    {
        await using var db = world.Db();
        var ids = contacts.Select(c => c.Id).ToList();
        return await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.NextAttemptAt);
    }

    /// <summary>Some IANA zone where it is now between 00:00 and 06:00, so no window is open there.</summary>
    static string ZoneClosedNow()
    {
        var now = DateTimeOffset.UtcNow;
        return TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/'))
            .First(z => TimeZoneInfo.ConvertTime(now, z).Hour is >= 0 and < 6).Id;
    }
}

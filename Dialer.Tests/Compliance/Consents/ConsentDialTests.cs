using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Consents;

public sealed class ConsentWorld : DialingWorld;

/// <summary>A campaign that requires consent, end to end: the claim, the Worker and the simulator's
/// record.</summary>
public sealed class ConsentDialTests(ConsentWorld world) : IClassFixture<ConsentWorld>
{
    [Fact]
    public async Task A_campaign_requiring_consent_dials_only_the_contact_holding_it_and_never_the_withdrawn_one()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(3, s => s with { RequiresConsent = true });
        var (held, none, withdrawn) = (contacts[0], contacts[1], contacts[2]);
        await using (var db = world.Db())
        {
            foreach (var c in new[] { held, withdrawn })
                db.Consents.Add(new ConsentInput(ConsentKind.MarketingCalls, "web form",
                    DateTimeOffset.UtcNow.AddDays(-3), "yes", null).ToRecord(c.Id, campaign.Id, DateTimeOffset.UtcNow,
                    "test"));
            await db.SaveChangesAsync();
            await world.Changes(db).RunAsync((unit, ct) => ConsentWithdrawal.RecordAsync(unit.Db, withdrawn.Id,
                campaign.Id, ConsentKinds.All, unit.Now.AddMinutes(-1), "on a call", "agent", ct), default);
        }

        var attempt = Assert.Single(await world.DialAsync(campaign, 3));
        Assert.Equal(held.Id, attempt.ContactId);
        await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal);

        Assert.Single(world.Simulator.Calls.Snapshot(held.Phone));
        Assert.Empty(world.Simulator.Calls.Snapshot(none.Phone));
        Assert.Empty(world.Simulator.Calls.Snapshot(withdrawn.Phone));
        await using var after = world.Db();
        var refused = await after.Contacts.AsNoTracking().Where(c => c.Id == none.Id || c.Id == withdrawn.Id)
            .Select(c => new { c.Status, c.LastOutcome }).ToListAsync();
        Assert.All(refused, c => Assert.Equal((ContactStatus.Done, DialPermit.NoConsent), (c.Status, c.LastOutcome)));
        Assert.False(await after.CallAttempts.AnyAsync(a => a.ContactId == none.Id || a.ContactId == withdrawn.Id));
    }
}

using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Dialing.Retries;

/// <summary>A real call on the Worker and the simulator; the later claims run on a fake clock days ahead.</summary>
public sealed class AbandonedRetryTests(HumansAndAgents world) : IClassFixture<HumansAndAgents>
{
    [Fact]
    public async Task An_abandoned_customer_is_dialed_again_only_after_the_campaign_s_48_hour_lockout()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1); // the default lockout: 48 h
        var attempt = Assert.Single(await world.DialAsync(campaign, 1)); // no agent anywhere: the message plays
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));
        Assert.True(done.Abandoned);

        await using (var db = world.Db())
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == contacts[0].Id);
            Assert.Equal(ContactStatus.Pending, contact.Status);
            Assert.InRange(contact.NextAttemptAt!.Value, done.EndedAt!.Value.AddHours(48),
                DateTimeOffset.UtcNow.AddHours(48));
        }

        Assert.Empty(await ClaimAtAsync(campaign.Id, DateTimeOffset.UtcNow.AddHours(47)));
        var again = Assert.Single(await ClaimAtAsync(campaign.Id, DateTimeOffset.UtcNow.AddHours(49)));
        Assert.Equal(contacts[0].Id, again.ContactId);
    }

    async Task<IReadOnlyList<CallAttempt>> ClaimAtAsync(Guid campaignId, DateTimeOffset at)
    {
        await using var db = world.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var changes = new StateChanges(db, world.Worker.Services.GetRequiredService<OutboxSignal>(),
            new FakeTimeProvider(at));
        return await new ContactClaimer(db).ClaimAsync(changes, campaign, 1, CancellationToken.None);
    }
}

using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Dialing;

/// <summary>Twilio's default pace, one call a second, with many dials in flight: most wait their turn.</summary>
public sealed class OneCallASecond : DialingWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?> { ["Twilio:AccountCallsPerSecond"] = "1" };
}

public sealed class DialDeadlineTests(OneCallASecond world) : IClassFixture<OneCallASecond>
{
    [Fact]
    public async Task A_dial_that_waited_its_turn_is_stamped_when_it_leaves_and_never_given_up_while_it_waits()
    {
        // the last of them waits ~13 s for its turn, past the reconciler's 9 s grace (2 s request timeout x 2 + 5)
        var (campaign, contacts) = await world.RunningCampaignAsync(14);
        var attempts = await world.DialAsync(campaign, contacts.Count);

        var ids = attempts.Select(a => a.Id);
        var done = await world.WaitForAttemptsAsync(ids, a => a.IsFinal, TimeSpan.FromSeconds(90));

        Assert.All(done, a => Assert.Equal((AttemptState.Completed, "completed"), (a.State, a.Outcome)));
        foreach (var attempt in done)
        {
            var phone = contacts.Single(c => c.Id == attempt.ContactId).Phone;
            var call = Assert.Single(world.Simulator.Calls.Snapshot(phone));
            Assert.Equal((AttemptState.Completed, call.Sid), (attempt.State, attempt.CallSid));
            // the dial time is when the request left, not when the message arrived
            Assert.InRange((call.CreatedAt - attempt.DialedAt!.Value).TotalSeconds, -0.5, 2);
        }
    }

    [Fact]
    public async Task A_dial_whose_attempt_the_reconciler_took_over_is_never_sent()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var db = world.Db();
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();

        // a first request stamped 30 s ago, then a retry after a pause the reconciler did not wait out
        var halfAMinuteAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(-30));
        var claim = new DialClaim(db, halfAMinuteAgo, DialLead.Default, attempt.Id);
        await claim.LeavingAsync(default);
        var reconciler = world.Worker.Services.GetServices<IHostedService>().OfType<AttemptReconciler>().Single();
        await reconciler.RunOnceAsync(default);

        var withdrawn = await Assert.ThrowsAsync<DialWithdrawn>(() => claim.LeavingAsync(default).AsTask());
        Assert.Null(withdrawn.Refusal);
        var settled = await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id);
        // nobody was called: the attempt ends unsent and the contact is due again with its attempt given back
        Assert.Equal((AttemptState.Skipped, CallAttempt.NotSent), (settled.State, settled.Outcome));
        Assert.Empty(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contacts[0].Id);
        Assert.NotEqual(ContactStatus.Done, contact.Status);
    }
}

using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Faults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Dialing;

/// <summary>
/// Its circuit, opened by an account error, is held shut for a second only, so that cases follow quickly; one call is
/// placed first, so that no test's dials wait on a cold Worker past the request timeout.
/// </summary>
public sealed class TwilioRefusalWorld : DialingWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?> { ["Twilio:AccountErrorHoldSeconds"] = "1" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (campaign, _) = await RunningCampaignAsync(1);
        await WaitForAttemptsAsync((await DialAsync(campaign, 1)).Select(a => a.Id), a => a.IsFinal);
    }
}

/// <summary>A refusal of the account burns no list; a refusal of the number ends only that contact.</summary>
public sealed class TwilioRefusalTests(TwilioRefusalWorld world) : IClassFixture<TwilioRefusalWorld>
{
    [Theory]
    [InlineData(401, 20003)] // a wrong or rotated auth token
    [InlineData(400, 21210)] // a caller ID the account has not verified
    [InlineData(422, 0)] // a validating proxy in front of Twilio
    public async Task An_account_error_pauses_the_campaign_with_its_reason_and_spends_no_contact(int status, int code)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the circuit an earlier case opened is closed again
        // every dial is inside Twilio (its latency) before the first refusal comes back, as at full speed
        world.Simulator.Faults.Apply(SimFaults.Patch(apiLatencyMs: 800, createError: new InjectedError(status, code)));
        try
        {
            var (campaign, contacts) = await world.RunningCampaignAsync(6);
            var attempts = await world.DialAsync(campaign, 6);
            var settled = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);

            await using var db = world.Db();
            var paused = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
            Assert.Equal(CampaignStatus.Paused, paused.Status);
            Assert.Contains($"HTTP {status}", paused.PauseReason);
            Assert.All(settled, a =>
                Assert.Equal((AttemptState.Skipped, TwilioRefusals.AccountRefused), (a.State, a.Outcome)));
            var history = Assert.Single(await db.CampaignChanges
                .Where(c => c.CampaignId == campaign.Id && c.Action == "paused").ToListAsync());
            Assert.Equal(paused.PauseReason, history.Note);
            var after = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync();
            Assert.All(after, c => Assert.Equal((ContactStatus.Pending, 0), (c.Status, c.Attempts)));
            Assert.All(contacts, c => Assert.Empty(world.Simulator.Calls.Snapshot(c.Phone)));
            Assert.Empty(await world.DialAsync(campaign, 6)); // the pacer's next claim dials nobody
        }
        finally { world.Simulator.Faults.Reset(); }
    }

    [Fact]
    public async Task A_number_error_ends_only_that_contact_and_the_campaign_runs_on()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(3);
        var invalid = contacts[0];
        world.Simulator.Faults.Apply(SimFaults.Patch(
            createErrorsByNumber: new() { [invalid.Phone] = new InjectedError(400, 21211) }));
        try
        {
            var attempts = await world.DialAsync(campaign, 3);
            var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);

            var refused = done.Single(a => a.ContactId == invalid.Id);
            Assert.Equal((AttemptState.Failed, "rejected"), (refused.State, refused.Outcome));
            Assert.All(done.Where(a => a.ContactId != invalid.Id), a => Assert.Equal(AttemptState.Completed, a.State));
            await using var db = world.Db();
            Assert.Equal(ContactStatus.Done, (await db.Contacts.SingleAsync(c => c.Id == invalid.Id)).Status);
            Assert.Equal(CampaignStatus.Running, (await db.Campaigns.SingleAsync(c => c.Id == campaign.Id)).Status);
            Assert.False(await db.CampaignChanges.AnyAsync(c => c.CampaignId == campaign.Id && c.Action == "paused"));
        }
        finally { world.Simulator.Faults.Reset(); }
    }
}

using System.Net;
using Dialer.Contracts;
using Dialer.Core.Compliance;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Faults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Dialing;

public sealed class HumansAnswer : DialingWorld;

public sealed class DialingTests(HumansAnswer world) : IClassFixture<HumansAnswer>
{
    [Fact]
    public async Task A_claimed_attempt_becomes_exactly_one_call_and_reaches_its_final_state()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(5);

        var attempts = await world.DialAsync(campaign, 5);
        var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);

        Assert.All(done, a => Assert.Equal(AttemptState.Completed, a.State));
        foreach (var contact in contacts)
        {
            var calls = world.Simulator.Calls.Snapshot(contact.Phone);
            var call = Assert.Single(calls);
            Assert.Equal(call.Sid, done.Single(a => a.ContactId == contact.Id).CallSid);
            Assert.Equal("+14155550100", call.From);
        }
        await using var db = world.Db();
        Assert.All(await db.Contacts.Where(c => c.CampaignId == campaign.Id).ToListAsync(),
            c => Assert.Equal("completed", c.LastOutcome));
    }

    [Fact]
    public async Task A_redelivered_PlaceCall_never_dials_twice()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = Assert.Single(await world.DialAsync(campaign, 1));

        await world.PublishAsync(new PlaceCall(attempt.Id, campaign.Id), new PlaceCall(attempt.Id, campaign.Id));
        await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal);
        await Task.Delay(500);

        Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
    }

    [Fact]
    public async Task A_number_put_on_the_do_not_call_list_after_the_claim_is_never_dialed()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        List<CallAttempt> attempts;
        await using (var db = world.Db())
        {
            var fresh = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
            var claimer = new ContactClaimer(db);
            // listed after the claim's permit, committed with it: the PlaceCall cannot reach the Worker before it
            attempts = await world.Changes(db).RunAsync(async (unit, ct) =>
            {
                var (permitted, _) = await claimer.LockPermittedAsync(fresh, 1, unit.Now, ct);
                var started = permitted.Select(c => claimer.StartAttempt(unit, fresh, c)).ToList();
                db.DoNotCall.Add(new DoNotCallEntry
                {
                    Phone = contacts[0].Phone, AddedAt = DateTimeOffset.UtcNow,
                    Reason = "asked just now"
                });
                return started;
            }, default);
        }

        var done = Assert.Single(await world.WaitForAttemptsAsync([attempts[0].Id], a => a.IsFinal));
        Assert.Equal(AttemptState.Skipped, done.State);
        Assert.Equal(DialPermit.DoNotCall, done.Outcome);
        Assert.Empty(world.Simulator.Calls.Snapshot(contacts[0].Phone));
    }

    [Fact]
    public async Task A_webhook_with_a_bad_signature_is_403_and_changes_nothing()
    {
        var (campaign, _) = await world.RunningCampaignAsync(1);
        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var settled = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        using var http = new HttpClient();
        var forged = new HttpRequestMessage(HttpMethod.Post, $"{world.Worker.PublicUrl}/twilio/status/{attempt.Id}")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string> { ["CallStatus"] = "busy", ["CallSid"] = "CAforged" }),
        };
        forged.Headers.Add("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl");
        var unsigned = new HttpRequestMessage(HttpMethod.Post, $"{world.Worker.PublicUrl}/twilio/answer/{attempt.Id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["CallStatus"] = "in-progress" }),
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(unsigned)).StatusCode);
        await using var db = world.Db();
        var after = await db.CallAttempts.SingleAsync(a => a.Id == attempt.Id);
        Assert.Equal((settled.State, settled.CallSid, settled.Outcome), (after.State, after.CallSid, after.Outcome));
    }

    [Fact]
    public async Task Duplicated_and_reordered_callbacks_move_attempts_only_forward()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(duplicateCallbackFraction: 1, reorderCallbackFraction: 0.5));
        try
        {
            var (campaign, contacts) = await world.RunningCampaignAsync(8);
            var attempts = await world.DialAsync(campaign, 8);
            var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);

            Assert.All(done, a => Assert.Equal(AttemptState.Completed, a.State));
            Assert.All(done, a => Assert.NotNull(a.AnsweredAt));
            Assert.All(contacts, c => Assert.Single(world.Simulator.Calls.Snapshot(c.Phone)));
        }
        finally { world.Simulator.Faults.Reset(); }
    }

    [Fact]
    public async Task A_429_storm_delays_calls_but_loses_and_doubles_none()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(error429Next: 12));
        try
        {
            var (campaign, contacts) = await world.RunningCampaignAsync(6);
            var attempts = await world.DialAsync(campaign, 6);
            var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal,
                TimeSpan.FromSeconds(60));

            Assert.All(done, a => Assert.Equal(AttemptState.Completed, a.State));
            Assert.All(contacts, c => Assert.Single(world.Simulator.Calls.Snapshot(c.Phone)));
        }
        finally { world.Simulator.Faults.Reset(); }
    }

    [Fact]
    public async Task A_create_whose_answer_never_comes_is_reconciled_into_exactly_one_call()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(holdCreateNext: 1));
        try
        {
            var (campaign, contacts) = await world.RunningCampaignAsync(1);
            var attempt = Assert.Single(await world.DialAsync(campaign, 1));

            var done = Assert.Single(
                await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal, TimeSpan.FromSeconds(60)));

            var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
            Assert.Equal(call.Sid, done.CallSid);
            Assert.Equal(AttemptState.Completed, done.State);
        }
        finally { world.Simulator.Faults.Reset(); }
    }

    [Fact]
    public async Task Server_errors_never_double_a_call_and_end_as_not_placed_when_Twilio_has_none()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(error500Next: 3));
        try
        {
            var (campaign, contacts) = await world.RunningCampaignAsync(3);
            var attempts = await world.DialAsync(campaign, 3);

            var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal,
                TimeSpan.FromSeconds(60));

            Assert.All(done,
                a => Assert.True(a.State == AttemptState.Completed || a.Outcome == CallAttempt.NotSent,
                    $"{a.State} {a.Outcome}"));
            Assert.All(contacts, c => Assert.True(world.Simulator.Calls.Snapshot(c.Phone).Count <= 1));
            Assert.All(done.Where(a => a.Outcome == CallAttempt.NotSent),
                a => Assert.Empty(world.Simulator.Calls.Snapshot(contacts.Single(c => c.Id == a.ContactId).Phone)));
        }
        finally { world.Simulator.Faults.Reset(); }
    }

    [Fact]
    public async Task A_call_Twilio_no_longer_knows_ends_as_lost_without_holding_up_the_others()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var lost = new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contacts[0].Id, State = AttemptState.Ringing,
            CallSid = "CA" + Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            DialedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
        };
        await using (var db = world.Db())
        {
            db.CallAttempts.Add(lost);
            await db.SaveChangesAsync();
        }
        var (other, others) = await world.RunningCampaignAsync(2);
        var dialed = await world.DialAsync(other, 2);

        var done = Assert.Single(await world.WaitForAttemptsAsync([lost.Id], a => a.IsFinal, TimeSpan.FromSeconds(30)));

        Assert.Equal((AttemptState.Failed, "call-record-lost"), (done.State, done.Outcome));
        // settled from the records, never dialed again on the spot
        Assert.Empty(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.All(await world.WaitForAttemptsAsync(dialed.Select(a => a.Id), a => a.IsFinal),
            a => Assert.Equal(AttemptState.Completed, a.State));
        Assert.All(others, c => Assert.Single(world.Simulator.Calls.Snapshot(c.Phone)));
    }
}

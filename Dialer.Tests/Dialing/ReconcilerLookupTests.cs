using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Tests.Dialing;

/// <summary>The long-call check at its production ten minutes.</summary>
public sealed class ReconcilerLookupWorld : DialingWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?> { ["Twilio:StaleCallCheckSeconds"] = "600" };
}

/// <summary>
/// Live attempts whose last callbacks were lost (chaos: worker-kill-dial, postgres): the reconciler asks Twilio soon,
/// not after the long-call check's ten minutes.
/// </summary>
public sealed class ReconcilerLookupTests(ReconcilerLookupWorld world) : IClassFixture<ReconcilerLookupWorld>
{
    [Fact]
    public async Task A_live_attempt_whose_call_no_callback_named_adopts_its_call_by_number()
    {
        // the Worker died before it saved the create's answer, and was down for every callback; only the answer
        // reached the Api's fallback, which (before the fix) recorded the answer without the call's SID: the call was
        // owned by no attempt and the attempt stayed live for ever
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = await LiveAttemptAsync(campaign, contacts[0], a => { });
        var call = await CallAsync(campaign, contacts[0]);

        await ReconcileAsync();

        Assert.Equal(call.Sid, (await AttemptAsync(attempt.Id)).CallSid);
    }

    [Fact]
    public async Task A_call_given_the_message_whose_last_callback_was_lost_ends_within_minutes_not_ten()
    {
        // the answer was recorded once the database came back, after the call's last callback had been refused: the
        // attempt stayed live until the long-call check
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var call = await CallAsync(campaign, contacts[0]);
        var ended = await world.WaitForCallAsync(contacts[0].Phone, c => c.Final);
        var attempt = await LiveAttemptAsync(campaign, contacts[0], a =>
        {
            a.CallSid = call.Sid;
            a.AnsweredOnFallback(machine: false, DateTimeOffset.UtcNow.AddMinutes(-2));
        });

        await ReconcileAsync();

        var settled = await AttemptAsync(attempt.Id);
        Assert.True(settled.IsFinal, $"still {settled.State}; the call is {ended.Status}");
        Assert.True(settled.Abandoned);
    }

    async Task<CallAttempt> LiveAttemptAsync(Campaign campaign, Contact contact, Action<CallAttempt> adjust)
    {
        var attempt = CallAttempt.Create(campaign.Id, contact.Id, DateTimeOffset.UtcNow.AddMinutes(-2));
        attempt.State = AttemptState.Dialing;
        attempt.DialedAt = attempt.CreatedAt;
        attempt.Advance(AttemptState.InProgress, attempt.CreatedAt);
        adjust(attempt);
        await using var db = world.Db();
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt;
    }

    /// <summary>A call to the contact whose webhooks lead nowhere: the engine hears nothing of it.</summary>
    async Task<CallResource> CallAsync(Campaign campaign, Contact contact) =>
        await CallResource.CreateAsync(new PhoneNumber(contact.Phone), new PhoneNumber(campaign.Settings.CallerId),
            url: new Uri($"http://127.0.0.1:{WorkerFactory.FreePort()}/"),
            client: world.Worker.Services.GetRequiredService<TwilioClients>().Create());

    Task ReconcileAsync() => world.Worker.Services.GetServices<IHostedService>().OfType<AttemptReconciler>().Single()
        .RunOnceAsync(default);

    async Task<CallAttempt> AttemptAsync(Guid id)
    {
        await using var db = world.Db();
        return await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == id);
    }
}

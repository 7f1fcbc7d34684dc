using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Tests.Dialing;

public sealed class UnnamedCallWorld : DialingWorld;

/// <summary>An attempt Twilio spoke of whose call's SID the engine never heard (chaos: worker-kill-dial).</summary>
public sealed class UnnamedCallTests(UnnamedCallWorld world) : IClassFixture<UnnamedCallWorld>
{
    [Fact]
    public async Task A_live_attempt_whose_call_no_callback_named_adopts_its_call_by_number()
    {
        // the Worker died before it saved the create's answer, and was down for every callback; only the answer
        // reached the Api's fallback, which (before the fix) recorded the answer without the call's SID: the call was
        // owned by no attempt and the attempt stayed live for ever
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow);
        attempt.State = AttemptState.Dialing;
        attempt.DialedAt = DateTimeOffset.UtcNow;
        await using (var db = world.Db())
        {
            attempt.Advance(AttemptState.InProgress, DateTimeOffset.UtcNow);
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        var twilio = world.Worker.Services.GetRequiredService<TwilioClients>().Create();
        var call = await CallResource.CreateAsync(new PhoneNumber(contacts[0].Phone),
            new PhoneNumber(campaign.Settings.CallerId), url: new Uri($"http://127.0.0.1:{WorkerFactory.FreePort()}/"),
            client: twilio);

        var reconciler = world.Worker.Services.GetServices<IHostedService>().OfType<AttemptReconciler>().Single();
        await reconciler.RunOnceAsync(default);

        await using var check = world.Db();
        var adopted = await check.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id);
        Assert.Equal(call.Sid, adopted.CallSid);
    }
}

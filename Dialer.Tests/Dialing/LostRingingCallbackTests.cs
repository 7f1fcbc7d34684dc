using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Dialing;

/// <summary>
/// Every status callback lost (the Worker killed as its calls rang: Twilio does not report twice), while the long-call
/// check waits its production 10 minutes: the calls are busy lines.
/// </summary>
public sealed class LostCallbacksWorld : DialingWorld
{
    protected override SimulatorOptions SimulatorSettings() =>
        FastSimulator(new OutcomeMix { Human = 0, Machine = 0, Busy = 1, NoAnswer = 0, Failed = 0 });

    protected override IDictionary<string, string?> WorkerSettings() => new Dictionary<string, string?>
    {
        ["Twilio:PublicWebhookBaseUrl"] = $"http://127.0.0.1:{WorkerFactory.FreePort()}",
        ["Twilio:StaleCallCheckSeconds"] = "600",
    };
}

public sealed class LostRingingCallbackTests(LostCallbacksWorld world) : IClassFixture<LostCallbacksWorld>
{
    [Fact]
    public async Task A_call_whose_callbacks_were_lost_is_settled_soon_after_its_ring_deadline_not_after_ten_minutes()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        // ring timeout 15 s, request timeout 2 s, then the check's own grace and round
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal, TimeSpan.FromSeconds(45)));

        Assert.Equal(AttemptState.Busy, done.State);
        Assert.Equal(Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Sid, done.CallSid);
    }
}

using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Faults;

namespace Dialer.Tests.Dialing;

public sealed class CrashWorld : DialingWorld;

public sealed class WorkerCrashTests(CrashWorld world) : IClassFixture<CrashWorld>
{
    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_dial_leaves_exactly_one_call()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(holdCreateNext: 1));
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = Assert.Single(await world.DialAsync(campaign, 1));

        // the create reached "Twilio", and the worker dies before it hears back
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (world.Simulator.Calls.Snapshot(contacts[0].Phone).Count == 0
            && DateTime.UtcNow < deadline) await Task.Delay(50);
        var port = world.Worker.Port;
        await world.Worker.DisposeAsync();

        // the same public address (behind a load balancer in production); RabbitMQ redelivers the unacknowledged
        // PlaceCall
        await using var second = world.StartWorker(port);
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal && a.CallSid is not null,
                TimeSpan.FromSeconds(60)));

        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Equal(call.Sid, done.CallSid);
    }
}

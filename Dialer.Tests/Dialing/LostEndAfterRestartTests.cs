using Dialer.Core.Dialing;
using Dialer.Tests.Agents;

namespace Dialer.Tests.Dialing;

/// <summary>The long-call check at its production 10 minutes: only the restart's own look can settle the
/// call.</summary>
public sealed class RestartWorld : AgentsWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings()) { ["Twilio:StaleCallCheckSeconds"] = "600" };
}

/// <summary>
/// The only Worker killed while a customer talked: the call ends while nobody can hear its final callback (Twilio
/// does not send it twice). The Worker started again settles it at once, not ten minutes later.
/// </summary>
public sealed class LostEndAfterRestartTests(RestartWorld world) : IClassFixture<RestartWorld>
{
    [Fact]
    public async Task A_call_that_ended_while_no_Worker_ran_is_settled_as_a_Worker_starts_again()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        await world.AvailableAgentAsync([campaign.Id]);
        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        await world.WaitForAttemptsAsync([attempt.Id], a => a.BridgedAt is not null);

        var port = world.Worker.Port;
        await world.Worker.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Final && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(AttemptState.InProgress, (await world.WaitForAttemptsAsync([attempt.Id], _ => true))[0].State);

        await using var again = world.StartWorker(port);
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal, TimeSpan.FromSeconds(20)));

        Assert.Equal(AttemptState.Completed, done.State);
    }
}

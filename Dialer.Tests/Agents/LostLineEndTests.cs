using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Tests.Infrastructure;
using static Dialer.Tests.Infrastructure.SpokenMessages;

namespace Dialer.Tests.Agents;

/// <summary>
/// The end of an agent's line never reached the engine (the Worker was down when Twilio reported it, and Twilio does
/// not report twice): the engine believes the line open. The next customer routed to that agent enters a room the line
/// is not in, and must hear the safe-harbour message within 2 s, not silence until they hang up.
/// </summary>
public sealed class LostLineEndTests(HumansAndAgents world) : IClassFixture<HumansAndAgents>
{
    [Fact]
    public async Task A_customer_sent_to_a_line_whose_end_was_never_reported_hears_the_message_within_2_s()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id]);
        // the line's end (its status callback, its leaving the room) reaches the engine only after the test is over
        world.Simulator.Faults.Apply(SimFaults.Patch(callbackDelayMs: 60_000));
        try
        {
            await world.DropLineAsync(agent.ClientIdentity);
            await Task.Delay(500); // the drop's callbacks are on their way, with the delay they were given
        }
        finally { world.Simulator.Faults.Reset(); }
        Assert.Equal(LineState.Open, (await world.AgentAsync(agent.Id)).LineState);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.Equal(agent.Id, done.AgentId);
        Assert.Null(done.BridgedAt);
        Assert.True(done.Abandoned);
        Assert.True(done.MessageStartedAt - done.AnsweredAt < TimeSpan.FromSeconds(2),
            $"message began {done.MessageStartedAt - done.AnsweredAt} after the answer");
        var trail = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail;
        Assert.True(trail.Contains($"Say ({Spoken(campaign).Length} chars)"),
            string.Join(" | ", trail));
        var after = await world.AgentAsync(agent.Id);
        Assert.Equal((AgentState.Break, LineState.Dropped), (after.State, after.LineState));
    }
}

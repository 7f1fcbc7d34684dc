using Dialer.Core.Agents;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Agents;

/// <summary>Customers and agents who talk long enough for the reconciler to find them together.</summary>
public sealed class LongTalks : AgentsWorld
{
    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator());
        options.TalkTime = new(20_000, 21_000);
        options.Agents.TalkTime = new(20_000, 21_000);
        return options;
    }
}

/// <summary>
/// The customer's join of the agent's room never reached the engine (its one Worker was down as Twilio sent it, and
/// Twilio does not send it twice). The customer talks to the agent all the same: the reconciler finds them in the room,
/// and the call is bridged, not counted abandoned, and the agent stays theirs instead of being freed for another.
/// </summary>
public sealed class LostJoinTests(LongTalks world) : IClassFixture<LongTalks>
{
    [Fact]
    public async Task A_customer_whose_join_event_was_lost_is_found_in_the_agents_room_and_bridged_not_abandoned()
    {
        var (campaign, _) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id]);
        world.Simulator.Faults.Apply(SimFaults.Patch(dropCustomerJoinNext: 1));
        try
        {
            var attempt = Assert.Single(await world.DialAsync(campaign, 1));
            var found = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id],
                a => a.BridgedAt is not null || a.IsFinal, TimeSpan.FromSeconds(20)));

            Assert.False(found.IsFinal, $"ended {found.State} unbridged");
            Assert.True(found.BridgedAt - found.AnsweredAt <= TimeSpan.FromSeconds(2),
                $"bridged {found.BridgedAt - found.AnsweredAt} after the answer");
            Assert.False(found.Abandoned);
            var talking = await world.AgentAsync(agent.Id);
            Assert.Equal((AgentState.OnCall, attempt.Id), (talking.State, talking.CurrentAttemptId));
        }
        finally { world.Simulator.Faults.Reset(); }
    }
}

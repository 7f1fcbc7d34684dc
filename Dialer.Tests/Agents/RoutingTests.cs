using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;

namespace Dialer.Tests.Agents;

public sealed class RoutingTests(HumansAndAgents world) : IClassFixture<HumansAndAgents>
{
    [Fact]
    public async Task Answered_call_with_a_free_agent_is_bridged_to_that_agent_in_a_conference_of_its_own()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.Equal(agent.Id, done.AgentId);
        Assert.True(done.LiveAnswer);
        Assert.NotNull(done.BridgedAt);
        Assert.False(done.Abandoned);
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Equal(agent.ClientIdentity, call.Agent);
        Assert.Contains("Conference " + done.ConferenceName, call.Trail);
        var room = world.Simulator.Conferences.Find(done.ConferenceSid!)!;
        Assert.Equal(done.ConferenceName, room.Name);
        var agentLeg = Assert.Single(room.Participants, p => p.Label == "agent");
        Assert.Equal((done.AgentCallSid, "client:" + agent.ClientIdentity), (agentLeg.CallSid, world.Simulator.Calls.Record(agentLeg.CallSid)!.To));
        Assert.Contains(room.HearingHistory, h => h.Earshots.Any(e => e.Listener == call.Sid && e.Speaker == agentLeg.CallSid));
        Assert.Contains(world.Simulator.Agents.Snapshot(), a => a.Name == agent.ClientIdentity && a.CallsAnswered == 1);

        await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.WrapUp);
        var moves = (await world.MovesOfAsync(agent.Id)).Select(m => (m.From, m.To)).ToList();
        Assert.Equal([(AgentState.Available, AgentState.Reserved), (AgentState.Reserved, AgentState.OnCall), (AgentState.OnCall, AgentState.WrapUp)], moves);
        using var http = new HttpClient();
        Assert.Matches(@"(?m)^answer_to_agent_duration_seconds_count\{[^}]*\} [1-9]", await http.GetStringAsync(world.Worker.PublicUrl + "/metrics"));
    }

    [Fact]
    public async Task Answered_call_with_no_free_agent_gets_the_safe_harbour_message_and_counts_as_abandoned()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        await world.AvailableAgentAsync([Guid.NewGuid()]); // free, but on another campaign

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.Null(done.AgentId);
        Assert.True(done.LiveAnswer);
        Assert.True(done.Abandoned);
        Assert.NotNull(done.MessageStartedAt);
        Assert.True(done.MessageStartedAt - done.AnsweredAt < TimeSpan.FromSeconds(2), $"message began {done.MessageStartedAt - done.AnsweredAt} after the answer");
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Contains($"Say ({campaign.Settings.SafeHarbourMessage.Length} chars)", call.Trail);
        Assert.Null(call.Agent);
    }

    [Fact]
    public async Task The_agent_idle_longest_gets_the_call()
    {
        var (campaign, _) = await world.RunningCampaignAsync(1);
        var recent = await world.AvailableAgentAsync([campaign.Id], TimeSpan.FromSeconds(5));
        var longest = await world.AvailableAgentAsync([Guid.NewGuid(), campaign.Id], TimeSpan.FromMinutes(3));
        var middle = await world.AvailableAgentAsync([campaign.Id], TimeSpan.FromMinutes(1));

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.AgentId is not null || a.IsFinal));

        Assert.Equal(longest.Id, done.AgentId);
        Assert.Equal(AgentState.Available, (await world.AgentAsync(recent.Id)).State);
        Assert.Equal(AgentState.Available, (await world.AgentAsync(middle.Id)).State);
    }

    [Fact]
    public async Task Many_answers_at_once_with_one_agent_bridge_exactly_one_and_give_the_rest_the_message()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(8);
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var attempts = await world.DialAsync(campaign, 8);
        var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);

        var bridged = Assert.Single(done, a => a.AgentId is not null);
        Assert.Equal(agent.Id, bridged.AgentId);
        Assert.All(done.Where(a => a.AgentId is null), a => Assert.True(a.Abandoned && a.MessageStartedAt - a.AnsweredAt < TimeSpan.FromSeconds(2)));
        Assert.Single(contacts, c => world.Simulator.Calls.Snapshot(c.Phone).Single().Agent == agent.ClientIdentity);
    }

    [Fact]
    public async Task Concurrent_reservations_never_give_one_agent_two_calls()
    {
        var campaignId = (await world.RunningCampaignAsync(0)).Campaign.Id;
        var agents = new List<Agent>();
        for (var i = 0; i < 5; i++) agents.Add(await world.AvailableAgentAsync([campaignId], TimeSpan.FromSeconds(10 + i)));

        // One instant for all 40: the healer frees these reservations at once (their calls do not exist), and an agent it
        // freed is Available only since after this instant, so it cannot be taken twice here and blur the count.
        var now = DateTimeOffset.UtcNow;
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var db = world.Db();
            return await AgentRouter.ReserveAsync(db, campaignId, Guid.NewGuid(), 0, now, CancellationToken.None);
        }));

        var reserved = results.Where(r => r is not null).Select(r => r!.AgentId).ToList();
        Assert.Equal(5, reserved.Count);
        Assert.Equal(5, reserved.Distinct().Count());
        // each agent was reserved once (the healer may since have freed them: these calls do not exist)
        Assert.All(agents, a => Assert.Single(world.MovesOfAsync(a.Id).Result, m => m.To == AgentState.Reserved));
    }

    [Fact]
    public async Task An_agent_who_lets_the_phone_ring_out_goes_on_break_and_the_customer_gets_the_message()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id], identity: AgentsWorld.AbsentAgent);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.Equal(agent.Id, done.AgentId);
        Assert.Null(done.BridgedAt);
        Assert.True(done.Abandoned);
        Assert.NotNull(done.MessageStartedAt);
        var absent = await world.AgentAsync(agent.Id);
        Assert.Equal((AgentState.Break, "missed a call"), (absent.State, absent.BreakReason));
        var trail = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail;
        Assert.True(trail.Contains($"Say ({campaign.Settings.SafeHarbourMessage.Length} chars)"), string.Join(" | ", trail));
        Assert.Contains(world.Simulator.Agents.Snapshot(), a => a.Name == AgentsWorld.AbsentAgent && a.CallsMissed >= 1);
    }
}

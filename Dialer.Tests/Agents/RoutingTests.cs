using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Callbacks;
using static Dialer.Tests.Infrastructure.SpokenMessages;

namespace Dialer.Tests.Agents;

public sealed class RoutingTests(HumansAndAgents world) : IClassFixture<HumansAndAgents>
{
    [Fact]
    public async Task Answered_call_with_a_free_agent_joins_that_agents_open_line_in_their_room_and_the_line_stays()
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
        Assert.Contains("Conference " + AgentRoom.NameOf(agent.Id), call.Trail);
        var room = world.Simulator.Conferences.Find(AgentRoom.NameOf(agent.Id))!;
        Assert.Equal(room.Sid, done.ConferenceSid);
        var line = Assert.Single(room.Participants, p => p.Label == AgentRoom.AgentLabel);
        Assert.Equal((agent.LineCallSid, done.AgentCallSid, "client:" + agent.ClientIdentity),
            (line.CallSid, line.CallSid, world.Simulator.Calls.Record(line.CallSid)!.To));
        Assert.Contains(room.HearingHistory,
            h => h.Earshots.Any(e => e.Listener == call.Sid && e.Speaker == line.CallSid));
        // no second leg: the only call to the agent is the line opened before the customer was dialed
        Assert.Single(world.Simulator.Calls.Snapshot("client:" + agent.ClientIdentity));

        var after = await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.WrapUp);
        Assert.Equal((LineState.Open, agent.LineCallSid), (after.LineState, after.LineCallSid));
        Assert.Equal(ParticipantStatus.Connected,
            world.Simulator.Conferences.Find(AgentRoom.NameOf(agent.Id))!.Participants
            .Single(p => p.CallSid == agent.LineCallSid).Status);
        var moves = (await world.MovesOfAsync(agent.Id)).Select(m => (m.From, m.To))
            .SkipWhile(m => m.To != AgentState.Reserved).ToList();
        Assert.Equal(
            [(AgentState.Available, AgentState.Reserved), (AgentState.Reserved, AgentState.OnCall),
                (AgentState.OnCall, AgentState.WrapUp)], moves);
        using var http = new HttpClient();
        Assert.Matches(@"(?m)^answer_to_agent_duration_seconds_count\{[^}]*\} [1-9]",
            await http.GetStringAsync(world.Worker.ManagementUrl + "/metrics"));
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
        Assert.True(done.MessageStartedAt - done.AnsweredAt < TimeSpan.FromSeconds(2),
            $"message began {done.MessageStartedAt - done.AnsweredAt} after the answer");
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Contains($"Say ({Spoken(campaign).Length} chars)", call.Trail);
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
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([attempt.Id], a => a.AgentId is not null || a.IsFinal));

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
        Assert.All(done.Where(a => a.AgentId is null),
            a => Assert.True(a.Abandoned && a.MessageStartedAt - a.AnsweredAt < TimeSpan.FromSeconds(2)));
        Assert.Single(contacts, c => world.Simulator.Calls.Snapshot(c.Phone).Single().Agent == agent.ClientIdentity);
    }

    [Fact]
    public async Task Concurrent_reservations_never_give_one_agent_two_calls()
    {
        var campaignId = (await world.RunningCampaignAsync(0)).Campaign.Id;
        var agents = new List<Agent>();
        for (var i = 0; i < 5; i++) agents.Add(
            await world.AvailableAgentAsync([campaignId], TimeSpan.FromSeconds(10 + i)));

        // One instant for all 40: the healer frees these reservations at once (their calls do not exist), and an agent
        // it freed is Available only since after this instant, so it cannot be taken twice here and blur the count.
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
    public async Task A_line_that_drops_as_its_customer_answers_gives_the_customer_the_message_within_two_seconds()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id]);
        // the line's end reaches the engine late, after the answer has already reserved the agent and sent the customer
        // in
        world.Simulator.Faults.Apply(SimFaults.Patch(callbackDelayMs: 700));
        try
        {
            await world.DropLineAsync(agent.ClientIdentity);
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
            var dropped = await world.AgentAsync(agent.Id);
            Assert.Equal((AgentState.Break, LineState.Dropped), (dropped.State, dropped.LineState));
            Assert.StartsWith("line dropped", dropped.BreakReason);
        }
        finally
        {
            world.Simulator.Faults.Reset();
        }
    }

    [Fact]
    public async Task A_free_agent_whose_line_drops_leaves_routing_at_once_and_is_back_when_it_reconnects()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        await world.DropLineAsync(agent.ClientIdentity);
        var dropped = await world.WaitForAgentAsync(agent.Id, a => a.LineState == LineState.Dropped);
        Assert.Equal((AgentState.Break, "line dropped: the line was hung up"), (dropped.State, dropped.BreakReason));
        await using (var db = world.Db())
            Assert.Null(
                await AgentRouter.ReserveAsync(db, campaign.Id, Guid.NewGuid(), 0, DateTimeOffset.UtcNow,
                    CancellationToken.None));

        await world.OpenLineAsync(agent.Id);
        var back = await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.Available);
        Assert.Equal((LineState.Open, "line connected"),
            (back.LineState, (await world.MovesOfAsync(agent.Id)).Last().Reason));
    }

    [Fact]
    public async Task A_line_that_drops_while_the_customer_talks_puts_them_on_hold_music_until_the_agent_is_back()
    {
        var (campaign, _) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id]);
        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var talking = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.BridgedAt is not null));

        await world.DropLineAsync(agent.ClientIdentity);
        await world.WaitForAgentAsync(agent.Id, a => a.LineState == LineState.Dropped);
        var room = AgentRoom.NameOf(agent.Id);
        await Eventually(() => Customer(room, talking.CallSid!)?.Hold == true, "the customer is put on hold");
        // never cut off by the line
        Assert.False((await world.WaitForAttemptsAsync([attempt.Id], _ => true))[0].IsFinal);

        await world.OpenLineAsync(agent.Id);
        await Eventually(() => Customer(room, talking.CallSid!)?.Hold == false, "the hold ends once the line is back");
        Assert.Equal(AgentState.OnCall, (await world.AgentAsync(agent.Id)).State);
    }

    [Fact]
    public async Task A_Dial_into_the_room_that_fails_before_the_customer_met_the_agent_plays_the_message_and_frees_the_agent()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var agent = await world.AvailableAgentAsync([campaign.Id]);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow);
        await using (var db = world.Db())
        {
            attempt.Advance(AttemptState.InProgress, DateTimeOffset.UtcNow);
            var reserved = await AgentRouter.ReserveAsync(db, campaign.Id, attempt.Id, 0, DateTimeOffset.UtcNow,
                CancellationToken.None);
            Assert.Equal(agent.Id, reserved?.AgentId);
            attempt.AnsweredLive(agent.Id, DateTimeOffset.UtcNow);
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }

        var url = $"{world.Worker.PublicUrl}/twilio/dial-ended/{attempt.Id}";
        var form = new Dictionary<string, string>
        {
            ["DialCallStatus"] = "failed", ["DialCallDuration"] = "0",
            ["CallSid"] = "CA" + new string('1', 32)
        };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(world.Simulator.Options.AuthToken, url, form));
        var twiml = await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        Assert.Contains($">{Spoken(campaign)}</Say>", twiml);
        var after = (await world.WaitForAttemptsAsync([attempt.Id], a => a.MessageStartedAt is not null))[0];
        Assert.True(after.Abandoned);
        Assert.Null(after.BridgedAt);
        Assert.Equal((AgentState.Available, null),
            await world.AgentAsync(agent.Id) is var a ? (a.State, a.CurrentAttemptId) : default);
    }

    Participant? Customer(string room, string callSid) =>
        world.Simulator.Conferences.Find(room)?.Participants.FirstOrDefault(p =>
            p.CallSid == callSid && p.Status != ParticipantStatus.Complete);

    static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("not seen within 5 s: " + what);
            await Task.Delay(50);
        }
    }
}

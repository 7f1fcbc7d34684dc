using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Auth;
using Dialer.Core.Supervision;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Agents;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Supervision;

/// <summary>A manager supervises a live call through the Api; the simulator says who hears whom at each step.</summary>
public sealed class SupervisionTests(SupervisedCalls world) : IClassFixture<SupervisedCalls>
{
    const string Manager = "client:" + SupervisedCalls.ManagerIdentity;

    [Fact]
    public async Task A_manager_listens_then_whispers_then_barges_then_leaves_and_the_call_ends_as_it_would_have()
    {
        var (call, agent) = await world.LiveCallAsync();
        var manager = world.Api.ClientAs(Role.Manager);
        var url = $"/api/agents/{agent.Id}/supervision";

        var joined = await manager.PostAsJsonAsync(url, new { mode = "listen", to = Manager });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var session = (await joined.ReadJsonAsync())!;
        var leg = session["callSid"]!.GetValue<string>();
        Assert.Equal("listen", session["mode"]!.GetValue<string>());
        var room = await RoomAsync(call.ConferenceSid!,
            r => r.Participants.Any(p => p.CallSid == leg && p.Status == ParticipantStatus.Connected));
        var customer = call.CallSid!;
        var agentLeg = call.AgentCallSid!;
        Assert.True(room.Hears(leg, customer) && room.Hears(leg, agentLeg), "the listener hears both");
        Assert.False(room.Hears(customer, leg) || room.Hears(agentLeg, leg), "nobody hears the listener");
        Assert.True(room.Hears(customer, agentLeg) && room.Hears(agentLeg, customer));

        var whisper = await manager.PatchAsJsonAsync($"{url}/{session["id"]}", new { mode = "whisper" });
        Assert.Equal(HttpStatusCode.OK, whisper.StatusCode);
        room = world.Simulator.Conferences.Find(call.ConferenceSid!)!;
        Assert.True(room.Hears(agentLeg, leg), "the agent hears the whisper");
        Assert.False(room.Hears(customer, leg), "the customer never hears a whisper");
        // same leg, no re-dial
        Assert.Equal(leg,
            room.Participants.Single(p => p.CallSid == leg && p.Status == ParticipantStatus.Connected).CallSid);

        Assert.Equal(HttpStatusCode.OK,
            (await manager.PatchAsJsonAsync($"{url}/{session["id"]}", new { mode = "barge" })).StatusCode);
        room = world.Simulator.Conferences.Find(call.ConferenceSid!)!;
        Assert.True(room.Hears(agentLeg, leg) && room.Hears(customer, leg), "both hear a barging manager");

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"{url}/{session["id"]}")).StatusCode);
        room = world.Simulator.Conferences.Find(call.ConferenceSid!)!;
        Assert.DoesNotContain(room.Hearing, e => e.Speaker == leg || e.Listener == leg);
        Assert.True(room.Hears(customer, agentLeg), "the call goes on without the manager");

        var done = Assert.Single(await world.WaitForAttemptsAsync([call.Id], a => a.IsFinal));
        Assert.Equal(("completed", false, agent.Id), (done.Outcome, done.Abandoned, done.AgentId));
        Assert.Equal(call.BridgedAt, done.BridgedAt);
        Assert.Equal(customer, done.CallSid);
        await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.WrapUp);
        var moves = (await world.MovesOfAsync(agent.Id)).Select(m => (m.From, m.To))
            .SkipWhile(m => m.To != AgentState.Reserved).ToList();
        Assert.Equal(
            [(AgentState.Available, AgentState.Reserved), (AgentState.Reserved, AgentState.OnCall),
                (AgentState.OnCall, AgentState.WrapUp)], moves);
        var figures = (await manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{call.CampaignId}/abandon",
            ApiCalls.Json))!;
        Assert.Equal((1, 0), (figures["liveAnswers"]!.GetValue<int>(), figures["abandoned"]!.GetValue<int>()));

        await using var db = world.Db();
        var audit = await db.SupervisionSessions.Include(s => s.Modes).SingleAsync(s => s.AttemptId == call.Id);
        Assert.Equal([SupervisionMode.Listen, SupervisionMode.Whisper, SupervisionMode.Barge],
            audit.Modes.OrderBy(m => m.At).Select(m => m.Mode));
        Assert.Equal((world.Api.UserIdOf(Role.Manager), agent.Id, Manager, leg),
            (audit.SupervisorUserId, audit.AgentId, audit.To, audit.CallSid));
        Assert.NotNull(audit.EndedAt);
    }

    [Fact]
    public async Task A_supervisor_still_listening_when_the_customer_leaves_is_taken_out_of_the_agents_room()
    {
        var (call, agent) = await world.LiveCallAsync();
        var manager = world.Api.ClientAs(Role.Admin); // an admin supervises too; this one's browser never hangs up
        var joined = await manager.PostAsJsonAsync($"/api/agents/{agent.Id}/supervision",
            new { mode = "listen", to = "client:" + SupervisedCalls.StayingManager });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var leg = (await joined.ReadJsonAsync())!["callSid"]!.GetValue<string>();

        await world.WaitForAttemptsAsync([call.Id], a => a.IsFinal);
        await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.WrapUp);

        // the agent's room outlives the call (their line stays): the listener must not hear the agent's next customer
        await RoomAsync(call.ConferenceSid!,
            r => r.Participants.All(p => p.CallSid != leg || p.Status == ParticipantStatus.Complete));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        SupervisionSession audit;
        do
        {
            await Task.Delay(100);
            await using var db = world.Db();
            audit = await db.SupervisionSessions.AsNoTracking().SingleAsync(s => s.AttemptId == call.Id);
        } while (audit.EndedAt is null && DateTime.UtcNow < deadline);
        Assert.NotNull(audit.EndedAt);
        Assert.Equal((LineState.Open, AgentState.WrapUp),
            await world.AgentAsync(agent.Id) is var a ? (a.LineState, a.State) : default);
    }

    [Fact]
    public async Task A_manager_supervises_only_from_their_own_lines_and_only_they_switch_or_end_their_session()
    {
        var (_, agent) = await world.LiveCallAsync();
        var manager = world.Api.ClientAs(Role.Manager);
        var url = $"/api/agents/{agent.Id}/supervision";

        var outside = await manager.PostAsJsonAsync(url, new { mode = "listen", to = "+14155550199" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await outside.ReadJsonAsync())!["errors"]!.AsObject().ContainsKey("to"));
        var joined = await manager.PostAsJsonAsync(url, new { mode = "listen", to = SupervisedCalls.ManagerPhone });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var session = $"{url}/{(await joined.ReadJsonAsync())!["id"]}";

        var (_, otherKey) = await world.Api.AddUserAsync(Role.Manager, "Another manager");
        var other = world.Api.ClientWith(otherKey);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await other.PatchAsJsonAsync(session, new { mode = "barge" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync(session)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(session)).StatusCode);
    }

    [Fact]
    public async Task Supervising_an_agent_with_no_live_call_is_a_409_naming_why()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var idle = await world.AvailableAgentAsync([campaign.Id]);

        var response = await world.Api.ClientAs(Role.Manager)
            .PostAsJsonAsync($"/api/agents/{idle.Id}/supervision", new { mode = "listen", to = Manager });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no live call", (await response.ReadJsonAsync())!["detail"]!.GetValue<string>());
        await using var db = world.Db();
        Assert.False(await db.SupervisionSessions.AnyAsync(s => s.AgentId == idle.Id));
    }

    [Fact]
    public async Task A_bad_mode_or_phone_is_a_400_naming_the_field()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var idle = await world.AvailableAgentAsync([campaign.Id]);

        var response = await world.Api.ClientAs(Role.Manager)
            .PostAsJsonAsync($"/api/agents/{idle.Id}/supervision", new { mode = "shout", to = "555-1234" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("mode") && errors.ContainsKey("to"), errors.ToJsonString());
    }

    [Fact]
    public async Task Only_managers_and_admins_may_supervise()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var idle = await world.AvailableAgentAsync([campaign.Id]);
        var url = $"/api/agents/{idle.Id}/supervision";
        var agentUser = await (await world.Api.ClientAs(Role.Admin)
            .PostAsJsonAsync("/api/users", new { name = "Agent Anna", role = "agent" })).ReadJsonAsync();
        using var asAgent = new HttpClient { BaseAddress = new Uri(world.Api.Url) };
        asAgent.DefaultRequestHeaders.Add("X-Api-Key", agentUser["apiKey"]!.GetValue<string>());
        using var anonymous = new HttpClient { BaseAddress = new Uri(world.Api.Url) };

        var asMarketer = await world.Api.ClientAs(Role.Marketer)
            .PostAsJsonAsync(url, new { mode = "listen", to = Manager });
        var asAnAgent = await asAgent.PostAsJsonAsync(url, new { mode = "listen", to = Manager });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (asMarketer.StatusCode, asAnAgent.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync(url, new { mode = "listen", to = Manager })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Api.ClientAs(Role.Admin).GetAsync(url)).StatusCode);
    }

    async Task<ConferenceSnapshot> RoomAsync(string conferenceSid, Func<ConferenceSnapshot, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (world.Simulator.Conferences.Find(conferenceSid) is { } room && done(room)) return room;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The room never got there: "
                + System.Text.Json.JsonSerializer.Serialize(world.Simulator.Conferences.Find(conferenceSid)));
            await Task.Delay(50);
        }
    }
}

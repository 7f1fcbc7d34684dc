using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Compliance;
using Dialer.Core.Transfers;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.Tests.Transfers;

/// <summary>An agent transfers their live call through the Api; the simulator says who hears whom at each
/// step.</summary>
public sealed class TransferTests(TransferWorld world) : IClassFixture<TransferWorld>
{
    const string ThirdParty = "+14155550199";

    [Fact]
    public async Task A_cold_transfer_to_a_number_leaves_the_customer_talking_with_the_third_party_and_the_agent_in_wrap_up_with_the_line_open()
    {
        var call = await world.LiveCallAsync();
        var (response, body) = await call.TransferAsync(new { kind = "cold", to = new { number = ThirdParty } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("coldNumber", "handedOver"),
            (body!["kind"]!.GetValue<string>(), body["state"]!.GetValue<string>()));
        var id = body["id"]!.GetValue<Guid>();
        var customer = call.Attempt.CallSid!;
        var room = await world.RoomAsync(TransferRoom.NameOf(id),
            r => TransferWorld.ThirdPartyIn(r) is { } t && r.Hears(customer, t.CallSid)
                && r.Hears(t.CallSid, customer));
        Assert.Equal(ThirdParty, world.Simulator.Calls.Record(TransferWorld.ThirdPartyIn(room)!.CallSid)!.To);

        var agent = await world.WaitForAgentAsync(call.Agent.Id, a => a.State == AgentState.WrapUp);
        Assert.Equal((LineState.Open, call.Agent.LineCallSid), (agent.LineState, agent.LineCallSid));
        var agentsRoom = world.Simulator.Conferences.Find(AgentRoom.NameOf(call.Agent.Id))!;
        Assert.Equal([call.Agent.LineCallSid!],
            agentsRoom.Participants.Where(p => p.Status == ParticipantStatus.Connected).Select(p => p.CallSid));
        Assert.Equal("customer handed over to a transfer", (await world.MovesOfAsync(call.Agent.Id)).Last().Reason);

        // the customer hangs up: the transfer's room ends, the third party with it
        world.Simulator.Calls.Find(customer)!.Control.HangUp(CallStatus.Completed);
        var done = await world.WaitForTransferAsync(id, t => !t.IsOpen);
        Assert.Equal((TransferState.Completed, TransferWorld.ThirdPartyIn(room)!.CallSid),
            (done.State, done.ThirdPartyCallSid));
        Assert.Single(await world.WaitForAttemptsAsync([call.Attempt.Id], a => a.IsFinal));
        Assert.Equal(AgentState.WrapUp, (await world.AgentAsync(call.Agent.Id)).State);
        Assert.Equal(HttpStatusCode.OK,
            (await call.Console.PostAsJsonAsync($"/api/agent-console/calls/{call.Attempt.Id}/disposition",
                new { disposition = "sale" })).StatusCode);
    }

    [Fact]
    public async Task A_cold_transfer_to_another_agent_puts_the_customer_in_their_room_and_makes_the_call_theirs()
    {
        var call = await world.LiveCallAsync();
        var other = await world.AvailableAgentAsync([call.Attempt.CampaignId]);
        var targets = await call.Console.GetFromJsonAsync<JsonArray>(
            $"/api/agent-console/calls/{call.Attempt.Id}/transfer-targets", ApiCalls.Json);
        Assert.Contains(targets!, t => t!["id"]!.GetValue<Guid>() == other.Id);

        var (response, body) = await call.TransferAsync(new { kind = "cold", to = new { agentId = other.Id } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("coldAgent", "completed"),
            (body!["kind"]!.GetValue<string>(), body["state"]!.GetValue<string>()));
        var taken = await world.WaitForAgentAsync(other.Id, a => a.State == AgentState.OnCall);
        Assert.Equal(call.Attempt.Id, taken.CurrentAttemptId);
        var room = await world.RoomAsync(AgentRoom.NameOf(other.Id),
            r => r.Hears(call.Attempt.CallSid!, other.LineCallSid!)
                && r.Hears(other.LineCallSid!, call.Attempt.CallSid!));
        var attempt = Assert.Single(
            await world.WaitForAttemptsAsync([call.Attempt.Id], a => a.ConferenceSid == room.Sid));
        Assert.Equal((other.Id, other.LineCallSid), (attempt.AgentId, attempt.AgentCallSid));

        var first = await world.AgentAsync(call.Agent.Id);
        Assert.Equal((AgentState.Available, null, LineState.Open),
            (first.State, first.CurrentAttemptId, first.LineState));
        Assert.Equal("customer transferred to another agent", (await world.MovesOfAsync(call.Agent.Id)).Last().Reason);
        Assert.Equal("call transferred",
            (await world.MovesOfAsync(other.Id)).Single(m => m.To == AgentState.Reserved).Reason);
        // the first agent's controls no longer reach this call; the other agent's console shows it
        Assert.Equal(HttpStatusCode.Forbidden,
            (await call.Console.PostAsJsonAsync($"/api/agent-console/calls/{call.Attempt.Id}/hold",
                new { hold = true })).StatusCode);
        var me = await (await world.ConsoleOfAsync(other.Id))
            .GetFromJsonAsync<JsonObject>("/api/agent-console/me", ApiCalls.Json);
        Assert.Equal(call.Attempt.Id, me!["call"]!["attemptId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_warm_transfer_consults_while_the_customer_holds_then_joins_all_three_then_drops_the_third_party()
    {
        var call = await world.LiveCallAsync();
        var (customer, line) = (call.Attempt.CallSid!, call.Agent.LineCallSid!);
        var (response, body) = await call.TransferAsync(new { kind = "warm", to = new { number = ThirdParty } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("consulting", body!["state"]!.GetValue<string>());
        var id = body["id"]!.GetValue<Guid>();
        var room = await world.RoomAsync(call.Attempt.ConferenceSid!,
            r => TransferWorld.ThirdPartyIn(r) is { } t && r.Hears(line, t.CallSid));
        var third = TransferWorld.ThirdPartyIn(room)!.CallSid;
        Assert.True(room.Hears(third, line), "the agent and the third party talk");
        Assert.False(room.Hears(customer, third) || room.Hears(third, customer) || room.Hears(customer, line),
            "the customer holds, on music");
        Assert.True(
            room.Participants.Single(p => p.CallSid == customer && p.Status == ParticipantStatus.Connected).Hold);
        var shown = await call.Console.GetFromJsonAsync<JsonObject>("/api/agent-console/me", ApiCalls.Json);
        Assert.Equal(id, Assert.Single(shown!["call"]!["transfers"]!.AsArray())!["id"]!.GetValue<Guid>());
        // one transfer at a time
        Assert.Equal(HttpStatusCode.Conflict,
            (await call.TransferAsync(
                new { kind = "threeWay", to = new { number = ThirdParty } })).Response.StatusCode);

        var joined = await call.Console.PostAsJsonAsync($"{call.Path}/{id}/complete", new { action = "join" });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        room = world.Simulator.Conferences.Find(call.Attempt.ConferenceSid!)!;
        Assert.True(room.Hears(customer, third) && room.Hears(third, customer) && room.Hears(customer, line),
            "all three talk");

        Assert.Equal(HttpStatusCode.NoContent, (await call.Console.DeleteAsync($"{call.Path}/{id}")).StatusCode);
        Assert.Equal(TransferState.Completed, (await world.WaitForTransferAsync(id, t => !t.IsOpen)).State);
        await world.Simulator.WaitForEndAsync(third, TimeSpan.FromSeconds(10));
        room = world.Simulator.Conferences.Find(call.Attempt.ConferenceSid!)!;
        Assert.True(room.Hears(customer, line) && room.Hears(line, customer), "the call goes on as it was");
        Assert.Equal(AgentState.OnCall, (await world.AgentAsync(call.Agent.Id)).State);
    }

    [Fact]
    public async Task A_warm_transfer_handed_over_leaves_the_customer_with_the_third_party_and_the_agents_room_to_the_agent()
    {
        var call = await world.LiveCallAsync();
        var customer = call.Attempt.CallSid!;
        var (_, body) = await call.TransferAsync(new { kind = "warm", to = new { number = ThirdParty } });
        var id = body!["id"]!.GetValue<Guid>();
        var third = TransferWorld.ThirdPartyIn(
            await world.RoomAsync(call.Attempt.ConferenceSid!,
                r => TransferWorld.ThirdPartyIn(r) is not null))!.CallSid;

        var handed = await call.Console.PostAsJsonAsync($"{call.Path}/{id}/complete", new { action = "handOver" });

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Equal("handedOver", (await handed.ReadJsonAsync())["state"]!.GetValue<string>());
        await world.RoomAsync(TransferRoom.NameOf(id), r => r.Hears(customer, third) && r.Hears(third, customer));
        var agentsRoom = await world.RoomAsync(call.Attempt.ConferenceSid!,
            r => r.Participants.Count(p => p.Status == ParticipantStatus.Connected) == 1);
        Assert.Equal(ParticipantStatus.Connected,
            agentsRoom.Participants.Single(p => p.CallSid == call.Agent.LineCallSid).Status);
        var agent = await world.WaitForAgentAsync(call.Agent.Id, a => a.State == AgentState.WrapUp);
        Assert.Equal(LineState.Open, agent.LineState);
        // nothing the agent does reaches the customer now
        Assert.Equal(HttpStatusCode.Conflict,
            (await call.Console.PostAsync($"/api/agent-console/calls/{call.Attempt.Id}/hangup", null)).StatusCode);
        world.Simulator.Calls.Find(customer)!.Control.HangUp(CallStatus.Completed);
        Assert.Equal(TransferState.Completed, (await world.WaitForTransferAsync(id, t => !t.IsOpen)).State);
    }

    [Fact]
    public async Task A_canceled_consult_hangs_up_the_third_party_and_gives_the_customer_back_to_the_agent()
    {
        var call = await world.LiveCallAsync();
        var (customer, line) = (call.Attempt.CallSid!, call.Agent.LineCallSid!);
        var (_, body) = await call.TransferAsync(new { kind = "warm", to = new { number = ThirdParty } });
        var id = body!["id"]!.GetValue<Guid>();
        var third = TransferWorld.ThirdPartyIn(
            await world.RoomAsync(call.Attempt.ConferenceSid!,
                r => TransferWorld.ThirdPartyIn(r) is not null))!.CallSid;

        Assert.Equal(HttpStatusCode.NoContent, (await call.Console.DeleteAsync($"{call.Path}/{id}")).StatusCode);

        Assert.Equal(CallStatus.Completed,
            (await world.Simulator.WaitForEndAsync(third, TimeSpan.FromSeconds(10))).Status);
        var room = await world.RoomAsync(call.Attempt.ConferenceSid!,
            r => r.Hears(customer, line) && r.Hears(line, customer));
        Assert.False(
            room.Participants.Single(p => p.CallSid == customer && p.Status == ParticipantStatus.Connected).Hold);
        var transfer = await world.WaitForTransferAsync(id, t => !t.IsOpen);
        Assert.Equal((TransferState.Canceled, third), (transfer.State, transfer.ThirdPartyCallSid));
        Assert.Equal(HttpStatusCode.Conflict,
            (await call.Console.PostAsJsonAsync($"{call.Path}/{id}/complete", new { action = "join" })).StatusCode);
    }

    [Fact]
    public async Task A_three_way_call_brings_the_third_party_in_with_nobody_on_hold()
    {
        var call = await world.LiveCallAsync();
        var (customer, line) = (call.Attempt.CallSid!, call.Agent.LineCallSid!);

        var (response, body) = await call.TransferAsync(new { kind = "threeWay", to = new { number = ThirdParty } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("threeWay", "joined"), (body!["kind"]!.GetValue<string>(), body["state"]!.GetValue<string>()));
        var room = await world.RoomAsync(call.Attempt.ConferenceSid!,
            r => TransferWorld.ThirdPartyIn(r) is { } t && r.Hears(customer, t.CallSid));
        var third = TransferWorld.ThirdPartyIn(room)!.CallSid;
        Assert.True(room.Hears(third, customer) && room.Hears(line, third) && room.Hears(third, line)
            && room.Hears(customer, line));
        Assert.Equal(HttpStatusCode.Conflict,
            (await call.Console.PostAsJsonAsync($"{call.Path}/{body["id"]}/complete",
                new { action = "join" })).StatusCode);
    }

    [Fact]
    public async Task Transfers_are_refused_on_a_call_that_is_not_yours_to_a_bad_or_listed_number_and_to_an_agent_who_cannot_take_it()
    {
        var call = await world.LiveCallAsync();
        var stranger = await world.ConsoleOfAsync((await world.AvailableAgentAsync([call.Attempt.CampaignId])).Id);
        var cold = new { kind = "cold", to = new { number = ThirdParty } };
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(call.Path, cold)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await call.Console.PostAsJsonAsync($"/api/agent-console/calls/{Guid.NewGuid()}/transfers",
                cold)).StatusCode);

        await AssertInvalidAsync(call, new { kind = "cold", to = new { number = "4155550199" } }, "to.number");
        await AssertInvalidAsync(call, new { kind = "sideways", to = new { number = ThirdParty } }, "kind");
        await AssertInvalidAsync(call, new { kind = "cold" }, "to");
        await AssertInvalidAsync(call, new { kind = "warm", to = new { agentId = Guid.NewGuid() } }, "to.agentId");
        await AssertInvalidAsync(call, new { kind = "cold", to = new { number = "+1" + new string('4', 40) } },
            "to.number");
        await using (var db = world.Db())
        {
            db.DoNotCall.Add(
                new DoNotCallEntry { Phone = "+14155550142", Reason = "test", AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var listed = await AssertInvalidAsync(call, new { kind = "warm", to = new { number = "+14155550142" } },
            "to.number");
        Assert.Contains("do-not-call", listed);

        var elsewhere = await world.AvailableAgentAsync([Guid.NewGuid()]);
        await AssertInvalidAsync(call, new { kind = "cold", to = new { agentId = elsewhere.Id } }, "to.agentId");
        var resting = await world.AvailableAgentAsync([call.Attempt.CampaignId]);
        await using (var db = world.Db())
        {
            var agent = await db.Agents.FindAsync(resting.Id);
            Assert.Null(agent!.TryBreak("coffee", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var (busy, problem) = await call.TransferAsync(new { kind = "cold", to = new { agentId = resting.Id } });
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("not Available", problem!["detail"]!.GetValue<string>());

        // nothing moved: the call is still the agent's, and nothing was recorded but the refusals' absence
        Assert.Equal(AgentState.OnCall, (await world.AgentAsync(call.Agent.Id)).State);
        Assert.Equal(AgentState.Break, (await world.AgentAsync(resting.Id)).State);
        await using var check = world.Db();
        Assert.False(check.CallTransfers.Any(t => t.AttemptId == call.Attempt.Id));
    }

    static async Task<string> AssertInvalidAsync(LiveCall call, object body, string field)
    {
        var (response, problem) = await call.TransferAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error on {field}, got {errors.ToJsonString()}");
        return errors[field]!.ToJsonString();
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;
using static Dialer.Tests.Simulator.AgentLineKit;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>The persistent agent line: one call to the agent into their own room, customers coming and going.</summary>
public sealed class AgentLineTests
{
    [Fact]
    public async Task Agent_line_stays_in_its_room_between_customers()
    {
        await using var sim = await SimulatorHost.StartAsync(Options());
        await using var engine = await WebhookReceiver.StartAsync();
        var line = await OpenLineAsync(sim, engine, new Client("alice"), "agent-a1");

        var first = await CustomerAsync(sim, engine, "agent-a1", "+15551230001");
        await sim.WaitForEndAsync(first.Sid, Patience);
        var between = await RoomAsync(sim, "agent-a1", r => r.Connected(line.Sid));
        var second = await CustomerAsync(sim, engine, "agent-a1", "+15551230002");
        await sim.WaitForEndAsync(second.Sid, Patience);
        await Task.Delay(400); // longer than the agent's own talk time: a one-off agent leg would have hung up by now

        var room = sim.Conferences.Find("agent-a1")!;
        Assert.Equal(ConferenceStatus.InProgress, room.Status);
        Assert.True(room.Connected(line.Sid));
        Assert.Equal(between.Sid, room.Sid);
        Assert.Equal("in-progress", sim.Calls.Record(line.Sid)!.Status);
        var agent = Assert.Single(sim.Agents.Snapshot());
        Assert.Equal(("in room", "agent-a1", 2, line.Sid),
            (agent.State, agent.Room, agent.CustomersTalked, agent.CallSid));
        // the agent waits in silence
        Assert.Equal("none", room.Participants.First(p => p.CallSid == line.Sid).WaitMusic);
        Assert.Equal("default", room.Participants.First(p => p.CallSid == first.Sid).WaitMusic);
    }

    [Fact]
    public async Task Customer_joining_an_agents_room_is_talked_to_then_hung_up_by_the_agent()
    {
        await using var sim = await SimulatorHost.StartAsync(Options());
        await using var engine = await WebhookReceiver.StartAsync();
        var line = await OpenLineAsync(sim, engine, new Client("alice"), "agent-a2");

        var customer = await CustomerAsync(sim, engine, "agent-a2");
        var talking = await RoomAsync(sim, "agent-a2", r => r.Connected(customer.Sid));
        var record = await sim.WaitForEndAsync(customer.Sid, Patience);
        var left = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/customer-left")))
            .Single(w => w.Path == "/customer-left");
        var status = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/customer-status")))
            .Single(w => w.Path == "/customer-status");

        Assert.True(talking.Hears(customer.Sid, line.Sid) && talking.Hears(line.Sid, customer.Sid));
        Assert.Equal("completed", record.Status);
        Assert.Equal("alice", record.Agent);
        Assert.Contains("agent alice hung up", record.Trail);
        Assert.True(record.Duration <= 2, $"talked {record.Duration}s, not the agent's 300 ms");
        Assert.Equal(("completed", "true"), (left.Get("DialCallStatus"), left.Get("DialBridged")));
        Assert.Equal("completed", status.Get("CallStatus"));
        Assert.Equal(1, sim.Calls.Stats().BridgedToAgent);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        Assert.Equal(1,
            (await http.GetFromJsonAsync<JsonElement>("sim/stats")).GetProperty("bridgedToAgent").GetInt32());
        var agent = (await http.GetFromJsonAsync<JsonElement>("sim/agents")).EnumerateArray().Single();
        Assert.Equal(("in room", 1),
            (agent.GetProperty("state").GetString(), agent.GetProperty("customersTalked").GetInt32()));
    }

    [Fact]
    public async Task Dropped_line_posts_completed_and_participant_leave()
    {
        await using var sim = await SimulatorHost.StartAsync(Options());
        await using var engine = await WebhookReceiver.StartAsync();
        var line = await OpenLineAsync(sim, engine, new PhoneNumber("+12025550123"), "agent-a3");
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        var drop = await http.PostAsync("sim/agents/+12025550123/drop", null);
        var received = await engine.WaitForAsync(r =>
            r.Any(w => w.Path == "/line-status" && w.Get("CallStatus") == "completed") &&
            r.Any(w => w.Get("StatusCallbackEvent") == "conference-end"));

        Assert.True(drop.IsSuccessStatusCode);
        Assert.Equal("completed", received.Last(w => w.Path == "/line-status").Get("CallStatus"));
        var leave = received.Single(w => w.Get("StatusCallbackEvent") == "participant-leave");
        Assert.Equal((line.Sid, "participant_hung_up", "completed"),
            (leave.Get("CallSid"), leave.Get("ReasonParticipantLeft"), leave.Get("ParticipantCallStatus")));
        Assert.Equal("last-participant-left",
            received.Single(w => w.Get("StatusCallbackEvent") == "conference-end").Get("ReasonConferenceEnded"));
        var agent = Assert.Single(sim.Agents.Snapshot());
        Assert.Equal(("dropped", "+12025550123", "agent-a3"), (agent.State, agent.Name, agent.Room));
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await http.PostAsync("sim/agents/+12025550123/drop", null)).StatusCode);
    }

    [Fact]
    public async Task An_agent_holding_a_line_is_busy_for_any_other_call_and_free_again_once_dropped()
    {
        await using var sim = await SimulatorHost.StartAsync(Options());
        await using var engine = await WebhookReceiver.StartAsync();
        await OpenLineAsync(sim, engine, new Client("alice"), "agent-a4");
        var twilio = sim.TwilioClient();

        var direct = await CallResource.CreateAsync(new Client("alice"), CallerId,
            twiml: new Twiml("<Response><Pause length=\"5\"/></Response>"), client: twilio);
        engine.Twiml["/dial-alice"] = "<Response><Dial action=\"/dialled\"><Client>alice</Client></Dial></Response>";
        await CallResource.CreateAsync(new PhoneNumber("+15551230009"), CallerId,
            url: new Uri(engine.Url("/dial-alice")), client: twilio);

        Assert.Equal("busy", (await sim.WaitForEndAsync(direct.Sid, Patience)).Status);
        Assert.Equal("busy",
            (await engine.WaitForAsync(r => r.Any(w => w.Path == "/dialled"))).Single(w => w.Path == "/dialled")
            .Get("DialCallStatus"));
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        await http.PostAsync("sim/agents/alice/drop", null);
        var again = await OpenLineAsync(sim, engine, new Client("alice"), "agent-a4");
        Assert.Equal("in room", sim.Agents.Snapshot().Single(a => a.CallSid == again.Sid).State);
    }

    [Fact]
    public async Task A_customer_on_hold_is_not_hung_up_by_the_agent_until_taken_off_hold()
    {
        await using var sim = await SimulatorHost.StartAsync(
            Options(o => o.Agents.TalkTime = new DurationRange(600, 600)));
        await using var engine = await WebhookReceiver.StartAsync();
        await OpenLineAsync(sim, engine, new Client("alice"), "agent-a5");
        var twilio = sim.TwilioClient();
        var customer = await CustomerAsync(sim, engine, "agent-a5");
        var room = await RoomAsync(sim, "agent-a5", r => r.Connected(customer.Sid));

        await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, customer.Sid)
        {
            Hold = true, HoldUrl = new Uri("https://example.com/hold-music.mp3"),
        }, twilio);
        await Task.Delay(1_000);
        var held = sim.Conferences.Find("agent-a5")!.Participants.Single(p => p.CallSid == customer.Sid);
        var stillThere = sim.Calls.Record(customer.Sid)!.Status;
        await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, customer.Sid) { Hold = false },
            twilio);
        var record = await sim.WaitForEndAsync(customer.Sid, Patience);

        Assert.Equal(("in-progress", true, "https://example.com/hold-music.mp3", "GET"),
            (stillThere, held.Hold, held.HoldUrl, held.HoldMethod));
        Assert.Equal("completed", record.Status);
        Assert.Contains("agent alice hung up", record.Trail);
    }
}

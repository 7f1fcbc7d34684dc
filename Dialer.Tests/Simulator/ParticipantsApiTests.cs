using System.Net.Http.Json;
using System.Text.Json;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>The Conferences and Participants resources through the real Twilio SDK, and who hears whom in the
/// room.</summary>
public sealed class ParticipantsApiTests
{
    static readonly PhoneNumber CallerId = new("+15559990000");

    static SimulatorOptions LongCalls() => Fast(o => o.Agents.TalkTime = new DurationRange(20_000, 20_000));

    /// <summary>A customer in conference "room-N" and an agent brought in by the Participants API, both
    /// connected.</summary>
    static async Task<(CallResource Customer, ParticipantResource Agent, ConferenceSnapshot Room)>
        CustomerAndAgentAsync(SimulatorHost sim, WebhookReceiver engine, string room)
    {
        engine.Twiml[
            "/customer"] =
            "<Response><Dial action=\"/customer-left\"><Conference "
            + $"endConferenceOnExit=\"true\">{room}</Conference></Dial></Response>";
        var twilio = sim.TwilioClient();
        var customer = await CallResource.CreateAsync(new PhoneNumber("+15551230001"), CallerId,
            url: new Uri(engine.Url("/customer")), client: twilio);
        var agent = await ParticipantResource.CreateAsync(
            new CreateParticipantOptions(room, CallerId, new Client("alice"))
            {
                Label = "agent", EndConferenceOnExit = true, Timeout = 10,
                StatusCallback = new Uri(engine.Url("/agent-leg")), StatusCallbackEvent = ["answered", "completed"],
            }, twilio);
        var connected = await WaitForRoomAsync(sim, room,
            c => c.Participants.Count(p => p.Status == ParticipantStatus.Connected) == 2);
        return (customer, agent, connected);
    }

    static async Task<ConferenceSnapshot> WaitForRoomAsync(SimulatorHost sim, string name,
        Func<ConferenceSnapshot, bool> done)
    {
        ConferenceSnapshot? room = null;
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult((room = sim.Conferences.Find(name)) is { } r && done(r)));
        return room!;
    }

    [Fact]
    public async Task A_participant_created_by_the_conferences_friendly_name_rings_joins_and_has_twilios_shape()
    {
        await using var sim = await SimulatorHost.StartAsync(LongCalls());
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();

        var (customer, agent, room) = await CustomerAndAgentAsync(sim, engine, "room-1");

        Assert.StartsWith("CA", agent.CallSid);
        Assert.Equal(room.Sid, agent.ConferenceSid);
        Assert.Equal("agent", agent.Label);
        Assert.Equal(ParticipantResource.StatusEnum.Queued, agent.Status);
        Assert.True(agent.EndConferenceOnExit);
        var fetched = await ParticipantResource.FetchAsync(room.Sid, agent.CallSid, client: twilio);
        Assert.Equal(ParticipantResource.StatusEnum.Connected, fetched.Status);
        // by label
        Assert.Equal(agent.CallSid, (await ParticipantResource.FetchAsync(room.Sid, "agent", client: twilio)).CallSid);
        var listed = await ParticipantResource.ReadAsync(room.Sid, client: twilio);
        Assert.Equal(new[] { customer.Sid, agent.CallSid }.Order(), listed.Select(p => p.CallSid).Order());
        var conference = Assert.Single(
            await ConferenceResource.ReadAsync(friendlyName: "room-1", status: ConferenceResource.StatusEnum.InProgress,
                client: twilio));
        Assert.Equal(room.Sid, conference.Sid);
        Assert.Equal("room-1", (await ConferenceResource.FetchAsync(room.Sid, client: twilio)).FriendlyName);
        Assert.True(room.Hears(customer.Sid, agent.CallSid) && room.Hears(agent.CallSid, customer.Sid));
        Assert.Equal("alice", sim.Calls.Record(customer.Sid)!.Agent);
        var answered = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/agent-leg")))
            .First(w => w.Path == "/agent-leg");
        Assert.Equal(("in-progress", agent.CallSid), (answered.Get("CallStatus"), answered.Get("CallSid")));
    }

    [Fact]
    public async Task A_manager_listens_then_whispers_then_barges_and_the_room_hears_accordingly()
    {
        await using var sim = await SimulatorHost.StartAsync(LongCalls());
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();
        var (customer, agent, room) = await CustomerAndAgentAsync(sim, engine, "room-2");

        var manager = await ParticipantResource.CreateAsync(
            new CreateParticipantOptions(room.Sid, CallerId, new Client("manager-maria"))
            {
                Label = "supervisor", Muted = true, StartConferenceOnEnter = false, EndConferenceOnExit = false,
            }, twilio);
        var listening = await WaitForRoomAsync(sim, "room-2",
            c => c.Participants.Count(p => p.Status == ParticipantStatus.Connected) == 3);
        Assert.False(listening.Hears(customer.Sid, manager.CallSid));
        Assert.False(listening.Hears(agent.CallSid, manager.CallSid));
        Assert.True(listening.Hears(manager.CallSid, customer.Sid) && listening.Hears(manager.CallSid, agent.CallSid));

        var whispering = await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, manager.CallSid)
        {
            Muted = false, Coaching = true, CallSidToCoach = agent.CallSid,
        }, twilio);
        Assert.True(whispering.Coaching);
        Assert.Equal(agent.CallSid, whispering.CallSidToCoach);
        var whisper = sim.Conferences.Find("room-2")!;
        Assert.True(whisper.Hears(agent.CallSid, manager.CallSid));
        Assert.False(whisper.Hears(customer.Sid, manager.CallSid));
        Assert.True(whisper.Hears(customer.Sid, agent.CallSid));
        using var records = new HttpClient { BaseAddress = sim.BaseAddress };
        var heard = (await records.GetFromJsonAsync<JsonElement>("sim/conferences/room-2")).GetProperty("hearing")
            .EnumerateArray()
            .Select(e => (e.GetProperty("listener").GetString(), e.GetProperty("speaker").GetString())).ToList();
        Assert.Contains((agent.CallSid, manager.CallSid), heard);
        Assert.DoesNotContain((customer.Sid, manager.CallSid), heard);

        await ParticipantResource.UpdateAsync(
            new UpdateParticipantOptions(room.Sid, manager.CallSid) { Coaching = false }, twilio);
        var barge = sim.Conferences.Find("room-2")!;
        Assert.True(barge.Hears(agent.CallSid, manager.CallSid) && barge.Hears(customer.Sid, manager.CallSid));

        await ParticipantResource.DeleteAsync(room.Sid, manager.CallSid, client: twilio);
        await sim.WaitForEndAsync(manager.CallSid, Patience);
        var after = sim.Conferences.Find("room-2")!;
        Assert.Equal(ConferenceStatus.InProgress, after.Status); // the supervisor's leaving ends nothing
        Assert.True(after.Hears(customer.Sid, agent.CallSid));
        Assert.Contains(after.HearingHistory,
            h => h.Earshots.Any(e => e.Speaker == manager.CallSid && e.Listener == agent.CallSid)
                                                   && h.Earshots.All(e =>
                                                       !(e.Speaker == manager.CallSid && e.Listener == customer.Sid)));
    }

    [Fact]
    public async Task A_participant_on_hold_hears_nobody_and_nobody_hears_them_until_taken_off_hold()
    {
        await using var sim = await SimulatorHost.StartAsync(LongCalls());
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();
        var (customer, agent, room) = await CustomerAndAgentAsync(sim, engine, "room-5");

        var held = await ParticipantResource.UpdateAsync(
            new UpdateParticipantOptions(room.Sid, agent.CallSid) { Hold = true }, twilio);
        var onHold = sim.Conferences.Find("room-5")!;
        var listedOnHold = (await ParticipantResource.ReadAsync(new ReadParticipantOptions(room.Sid) { Hold = true },
            twilio)).ToList();
        await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, "agent") { Hold = false }, twilio);
        var back = sim.Conferences.Find("room-5")!;

        Assert.True(held.Hold);
        Assert.Empty(onHold.Hearing);
        Assert.Equal(agent.CallSid, Assert.Single(listedOnHold).CallSid);
        Assert.True(back.Hears(customer.Sid, agent.CallSid) && back.Hears(agent.CallSid, customer.Sid));
    }

    [Fact]
    public async Task Unknown_conferences_and_participants_are_20404_and_coaching_without_a_call_to_coach_is_refused()
    {
        await using var sim = await SimulatorHost.StartAsync(LongCalls());
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();
        var (_, agent, room) = await CustomerAndAgentAsync(sim, engine, "room-3");
        const string nowhere = "CF00000000000000000000000000000000";

        var noConference = await Assert.ThrowsAsync<ApiException>(() => ParticipantResource.CreateAsync(
            new CreateParticipantOptions(nowhere, CallerId, new Client("bob")), twilio));
        var noParticipant = await Assert.ThrowsAsync<ApiException>(() =>
            ParticipantResource.FetchAsync(room.Sid, "CA00000000000000000000000000000000", client: twilio));
        var noFetch = await Assert.ThrowsAsync<ApiException>(() =>
            ConferenceResource.FetchAsync(nowhere, client: twilio));
        var noCoachee = await Assert.ThrowsAsync<ApiException>(() => ParticipantResource.UpdateAsync(
            new UpdateParticipantOptions(room.Sid, agent.CallSid) { Coaching = true }, twilio));

        Assert.All([noConference, noParticipant, noFetch], e => Assert.Equal((404, 20404), (e.Status, e.Code)));
        Assert.Equal((400, 20001), (noCoachee.Status, noCoachee.Code));
        Assert.Contains("CallSidToCoach", noCoachee.Message);
    }

    [Fact]
    public async Task An_agent_who_never_answers_stops_being_a_participant_and_the_callback_says_no_answer()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.Agents.NeverAnswer = ["absent"]));
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();
        engine.Twiml["/customer"] = "<Response><Dial><Conference>room-4</Conference></Dial></Response>";
        await CallResource.CreateAsync(new PhoneNumber("+15551230001"), CallerId, url: new Uri(engine.Url("/customer")),
            client: twilio);

        var absent = await ParticipantResource.CreateAsync(
            new CreateParticipantOptions("room-4", CallerId, new Client("absent"))
            {
                Timeout = 5, StatusCallback = new Uri(engine.Url("/agent-leg")),
                StatusCallbackEvent = ["answered", "completed"],
            }, twilio);
        var done = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/agent-leg"), TimeSpan.FromSeconds(15)))
            .Single(w => w.Path == "/agent-leg");

        Assert.Equal("no-answer", done.Get("CallStatus"));
        var room = sim.Conferences.Find("room-4")!;
        await Assert.ThrowsAsync<ApiException>(() =>
            ParticipantResource.FetchAsync(room.Sid, absent.CallSid, client: twilio));
        Assert.Empty(room.Hearing);
    }
}

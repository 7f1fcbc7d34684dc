using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Security;
using Twilio.Types;
using static Dialer.Tests.Simulator.AgentLineKit;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>Conference status callbacks, announcements (DTMF from the console) and early media into a room.</summary>
public sealed class ConferenceEventsTests
{
    [Fact]
    public async Task Conference_events_are_signed_and_ordered()
    {
        await using var sim = await SimulatorHost.StartAsync(Options());
        await using var engine = await WebhookReceiver.StartAsync();
        var line = await OpenLineAsync(sim, engine, new Client("alice"), "agent-c1");
        var twilio = sim.TwilioClient();

        var customer = await CustomerAsync(sim, engine, "agent-c1");
        var room = await RoomAsync(sim, "agent-c1", r => r.Connected(customer.Sid));
        await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, line.Sid) { Muted = true },
            twilio);
        await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, line.Sid) { Muted = false },
            twilio);
        await sim.WaitForEndAsync(customer.Sid, Patience);
        await CallResource.UpdateAsync(
            new UpdateCallOptions(line.Sid) { Status = CallResource.UpdateStatusEnum.Completed }, twilio);
        var events = (await engine.WaitForAsync(r => r.Any(w => w.Get("StatusCallbackEvent") == "conference-end")))
            .Where(w => w.Path == "/conference").ToList();

        Assert.Equal(
            ["participant-join", "conference-start", "participant-join", "participant-mute", "participant-unmute",
                "participant-leave",
             "participant-leave", "conference-end"],
            events.Select(w => w.Get("StatusCallbackEvent")));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => n.ToString()),
            events.Select(w => w.Get("SequenceNumber")));
        var validator = new RequestValidator(sim.Options.AuthToken);
        Assert.All(events, w => Assert.True(validator.Validate(w.Url, w.Form.ToDictionary(), w.Signature)));
        Assert.All(events,
            w => Assert.Equal((room.Sid, "agent-c1", sim.Options.AccountSid),
                (w.Get("ConferenceSid"), w.Get("FriendlyName"), w.Get("AccountSid"))));
        var customerJoin = events[2];
        Assert.Equal((customer.Sid, "customer", "false", "false", "false", "false", "true"),
            (customerJoin.Get("CallSid"), customerJoin.Get("ParticipantLabel"), customerJoin.Get("Muted"),
                customerJoin.Get("Hold"),
             customerJoin.Get("Coaching"), customerJoin.Get("EndConferenceOnExit"),
             customerJoin.Get("StartConferenceOnEnter")));
        Assert.Equal(("agent", "true"), (events[3].Get("ParticipantLabel"), events[3].Get("Muted")));
        Assert.Equal((customer.Sid, "participant_hung_up", "completed"),
            (events[5].Get("CallSid"), events[5].Get("ReasonParticipantLeft"), events[5].Get("ParticipantCallStatus")));
        Assert.Equal(("last-participant-left", line.Sid),
            (events[7].Get("ReasonConferenceEnded"), events[7].Get("CallSidEndingConference")));
        var answered = engine.On("/customer").Single().At;
        Assert.True(customerJoin.At - answered < TimeSpan.FromMilliseconds(300),
            $"customer in the room {(customerJoin.At - answered).TotalMilliseconds} ms after the answer URL");
    }

    [Fact]
    public async Task The_participants_apis_conference_status_callback_is_the_rooms_when_it_joins_first()
    {
        await using var sim = await SimulatorHost.StartAsync(Options());
        await using var engine = await WebhookReceiver.StartAsync();

        var agent = await ParticipantResource.CreateAsync(
            new CreateParticipantOptions("agent-c2", CallerId, new Client("bob"))
            {
                Label = "agent", ConferenceStatusCallback = new Uri(engine.Url("/api-conference")),
                ConferenceStatusCallbackEvent = ["start", "join"], TimeLimit = 28_800,
            }, sim.TwilioClient());
        var events = (await engine.WaitForAsync(r => r.Count(w => w.Path == "/api-conference") == 2))
            .Where(w => w.Path == "/api-conference").ToList();

        Assert.Equal(["participant-join", "conference-start"], events.Select(w => w.Get("StatusCallbackEvent")));
        Assert.Equal((agent.CallSid, "agent"), (events[0].Get("CallSid"), events[0].Get("ParticipantLabel")));
    }

    [Fact]
    public async Task Announce_url_digits_reach_the_participant()
    {
        await using var sim = await SimulatorHost.StartAsync(
            Options(o => o.Agents.TalkTime = new DurationRange(5_000, 5_000)));
        await using var engine = await WebhookReceiver.StartAsync();
        await OpenLineAsync(sim, engine, new Client("alice"), "agent-c3");
        var customer = await CustomerAsync(sim, engine, "agent-c3");
        var room = await RoomAsync(sim, "agent-c3", r => r.Connected(customer.Sid));
        engine.Twiml["/dtmf"] = "<Response><Play digits=\"1234w5\"></Play></Response>";

        await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, customer.Sid)
        {
            AnnounceUrl = new Uri(engine.Url("/dtmf?attempt=7")), AnnounceMethod = Twilio.Http.HttpMethod.Post,
        }, sim.TwilioClient());
        var heard = await RoomAsync(sim, "agent-c3", r => r.Participants.Any(p => p.DigitsHeard.Count > 0));

        var request = Assert.Single(engine.On("/dtmf"));
        Assert.True(new RequestValidator(sim.Options.AuthToken)
            .Validate(request.Url, request.Form.ToDictionary(), request.Signature));
        Assert.Equal((customer.Sid, room.Sid), (request.Get("CallSid"), request.Get("ConferenceSid")));
        Assert.Equal(["1234w5"], heard.Participants.Single(p => p.CallSid == customer.Sid).DigitsHeard);
        Assert.All(heard.Participants.Where(p => p.CallSid != customer.Sid), p => Assert.Empty(p.DigitsHeard));
        Assert.Contains("heard digits 1234w5", sim.Calls.Record(customer.Sid)!.Trail);
    }

    [Fact]
    public async Task Early_media_rings_into_the_room_then_the_callee_joins_with_the_participants_options()
    {
        await using var sim = await SimulatorHost.StartAsync(
            Options(o => o.Agents.TalkTime = new DurationRange(5_000, 5_000)));
        await using var engine = await WebhookReceiver.StartAsync();
        var line = await OpenLineAsync(sim, engine, new Client("alice"), "agent-c4");

        var customer = await ParticipantResource.CreateAsync(
            new CreateParticipantOptions("agent-c4", CallerId, new PhoneNumber("+15551230004"))
            {
                Label = "customer", EarlyMedia = true, StatusCallback = new Uri(engine.Url("/customer-status")),
                StatusCallbackEvent = ["ringing", "answered", "completed"],
            }, sim.TwilioClient());
        var room = await RoomAsync(sim, "agent-c4", r => r.Connected(customer.CallSid));
        await engine.WaitForAsync(r => r.Count(w => w.Path == "/customer-status") >= 2);

        Assert.Contains(room.HearingHistory, h => h.Why == "early media: ringing from " + customer.CallSid);
        Assert.True(room.Hears(line.Sid, customer.CallSid));
        Assert.Equal("customer", room.Participants.Single(p => p.CallSid == customer.CallSid).Label);
        Assert.Equal(["ringing", "in-progress"],
            engine.On("/customer-status").Take(2).Select(w => w.Get("CallStatus")));
    }
}

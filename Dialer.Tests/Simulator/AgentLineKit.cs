using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Tests.Simulator;

/// <summary>The engine's persistent agent line, as the simulator's tests place it: one call per agent into their own
/// silent room, and customers whose answer TwiML puts them straight into that room.</summary>
public static class AgentLineKit
{
    public static readonly PhoneNumber CallerId = new("+15559990000");
    public const string Events = "start end join leave mute hold";

    /// <summary>Agents talk 300 ms to each customer; customers would stay 10 s on their own.</summary>
    public static SimulatorOptions Options(Action<SimulatorOptions>? tweak = null) =>
        SimulatorTestKit.Fast(o =>
        {
            o.Agents.TalkTime = new DurationRange(300, 300);
            tweak?.Invoke(o);
        });

    public static string LineTwiml(string room, WebhookReceiver engine) =>
        "<Response><Dial><Conference waitUrl=\"\" beep=\"false\" startConferenceOnEnter=\"true\" "
            + "endConferenceOnExit=\"false\" " +
        $"participantLabel=\"agent\" statusCallback=\"{engine.Url("/conference")}\" "
            + $"statusCallbackEvent=\"{Events}\">{room}</Conference></Dial></Response>";

    public static string CustomerTwiml(string room, WebhookReceiver engine) =>
        $"<Response><Dial action=\"/customer-left\"><Conference participantLabel=\"customer\" beep=\"false\" " +
        $"statusCallback=\"{engine.Url("/conference")}\" "
            + $"statusCallbackEvent=\"{Events}\">{room}</Conference></Dial></Response>";

    /// <summary>Places the agent's line and waits until the agent is in their room.</summary>
    public static async Task<CallResource> OpenLineAsync(SimulatorHost sim, WebhookReceiver engine, IEndpoint agent,
        string room)
    {
        var line = await CallResource.CreateAsync(agent, CallerId, twiml: new Twiml(LineTwiml(room, engine)),
            statusCallback: new Uri(engine.Url("/line-status")),
            statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
            timeLimit: 28_800, client: sim.TwilioClient());
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult(sim.Agents.Snapshot().Any(a => a.CallSid == line.Sid && a.State == "in room")));
        return line;
    }

    public static async Task<CallResource> CustomerAsync(SimulatorHost sim, WebhookReceiver engine, string room,
        string number = "+15551230001")
    {
        engine.Twiml["/customer"] = CustomerTwiml(room, engine);
        return await CallResource.CreateAsync(new PhoneNumber(number), CallerId, url: new Uri(engine.Url("/customer")),
            statusCallback: new Uri(engine.Url("/customer-status")), client: sim.TwilioClient());
    }

    public static async Task<ConferenceSnapshot> RoomAsync(SimulatorHost sim, string room,
        Func<ConferenceSnapshot, bool> done)
    {
        ConferenceSnapshot? found = null;
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult((found = sim.Conferences.Find(room)) is { } r && done(r)));
        return found!;
    }

    public static bool Connected(this ConferenceSnapshot room, string callSid) =>
        room.Participants.Any(p => p.CallSid == callSid && p.Status == ParticipantStatus.Connected);
}

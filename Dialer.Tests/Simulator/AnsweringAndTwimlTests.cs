using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>What happens once someone (or something) answers: AMD, the answer URL, and the TwiML it returns.</summary>
public sealed class AnsweringAndTwimlTests
{
    static readonly PhoneNumber Customer = new("+15551230001");
    static readonly PhoneNumber CallerId = new("+15559990000");

    [Fact]
    public async Task A_person_answering_with_machine_detection_on_reaches_the_answer_url_as_human()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            machineDetection: "Enable", client: sim.TwilioClient());
        var answer = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/answer"))).First(w => w.Path == "/answer");

        Assert.Equal("human", answer.Get("AnsweredBy"));
        Assert.Equal("in-progress", answer.Get("CallStatus"));
        Assert.Equal(call.Sid, answer.Get("CallSid"));
        Assert.Equal(sim.Options.AccountSid, answer.Get("AccountSid"));
        Assert.Equal("+15551230001", answer.Get("To"));
        Assert.Equal("+15559990000", answer.Get("From"));
        Assert.Equal("2010-04-01", answer.Get("ApiVersion"));
        Assert.Equal("POST", answer.Method);
    }

    [Theory]
    [InlineData("Enable", "machine_start")]
    [InlineData("DetectMessageEnd", "machine_end_beep")]
    public async Task A_machine_is_reported_as_Twilio_names_it(string detection, string answeredBy)
    {
        await using var sim = await SimulatorHost.StartAsync(
            Fast(o => o.Outcomes = new OutcomeMix { Human = 0, Machine = 1, Busy = 0, NoAnswer = 0, Failed = 0 }));
        await using var engine = await WebhookReceiver.StartAsync();

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            machineDetection: detection, client: sim.TwilioClient());
        var answer = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/answer"))).First(w => w.Path == "/answer");
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        Assert.Equal(answeredBy, answer.Get("AnsweredBy"));
        Assert.Equal(answeredBy, record.AnsweredBy);
        Assert.Equal(answeredBy, (await CallResource.FetchAsync(call.Sid, client: sim.TwilioClient())).AnsweredBy);
    }

    [Fact]
    public async Task Async_amd_requests_the_answer_url_at_once_and_posts_the_verdict_later()
    {
        await using var sim = await SimulatorHost.StartAsync(
            Fast(o => o.Outcomes = new OutcomeMix { Human = 0, Machine = 1, Busy = 0, NoAnswer = 0, Failed = 0 }));
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Pause length=\"30\"/></Response>";

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            machineDetection: "Enable", asyncAmd: "true", asyncAmdStatusCallback: new Uri(engine.Url("/amd")),
            client: sim.TwilioClient());
        var received = await engine.WaitForAsync(r => r.Any(w => w.Path == "/amd"));

        var answer = received.First(w => w.Path == "/answer");
        var amd = received.First(w => w.Path == "/amd");
        Assert.Null(answer.Get("AnsweredBy"));
        Assert.True(answer.At <= amd.At);
        Assert.Equal("machine_start", amd.Get("AnsweredBy"));
        Assert.Equal(call.Sid, amd.Get("CallSid"));
        Assert.NotNull(amd.Get("MachineDetectionDuration"));
    }

    [Fact]
    public async Task Redirect_is_followed_and_the_dial_to_a_simulated_agent_is_bridged_then_reported_to_the_action_url()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Say>One moment</Say><Redirect>/route</Redirect></Response>";
        engine.Twiml[
            "/route"] =
            "<Response><Dial action=\"/after-dial\" timeout=\"20\"><Client>alice</Client></Dial></Response>";
        engine.Twiml["/after-dial"] = "<Response><Say>Goodbye</Say><Hangup/></Response>";

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        var afterDial = Assert.Single(engine.On("/after-dial"));
        Assert.Equal("completed", afterDial.Get("DialCallStatus"));
        Assert.StartsWith("CA", afterDial.Get("DialCallSid"));
        Assert.Equal("alice", record.Agent);
        Assert.Equal("completed", record.Status);
        Assert.Single(engine.On("/route"));
        Assert.Contains(sim.Agents.Snapshot(), a => a.Name == "alice" && a.CallsAnswered == 1 && a.State == "idle");
    }

    [Fact]
    public async Task A_busy_agent_gives_the_second_caller_busy_and_an_agent_who_never_answers_gives_no_answer()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o =>
        {
            o.Agents.TalkTime = new DurationRange(2_000, 2_000);
            o.Agents.NeverAnswer = ["bob"];
        }));
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml[
            "/alice"] =
            "<Response><Dial action=\"/result\"><Client><Identity>alice</Identity></Client></Dial></Response>";
        engine.Twiml[
            "/bob"] = "<Response><Dial action=\"/result\" timeout=\"5\"><Client>bob</Client></Dial></Response>";
        var twilio = sim.TwilioClient();

        var first = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/alice")),
            client: twilio);
        await engine.WaitForAsync(_ => sim.Calls.Record(first.Sid)!.Agent == "alice");
        await CallResource.CreateAsync(new PhoneNumber("+15551230002"), CallerId, url: new Uri(engine.Url("/alice")),
            client: twilio);
        await CallResource.CreateAsync(new PhoneNumber("+15551230003"), CallerId, url: new Uri(engine.Url("/bob")),
            client: twilio);
        var results = await engine.WaitForAsync(r => r.Count(w => w.Path == "/result") == 3);

        Assert.Contains(results, w => w.Get("To") == "+15551230002" && w.Get("DialCallStatus") == "busy");
        Assert.Contains(results, w => w.Get("To") == "+15551230003" && w.Get("DialCallStatus") == "no-answer");
        Assert.Contains(results, w => w.Get("To") == "+15551230001" && w.Get("DialCallStatus") == "completed");
    }

    [Fact]
    public async Task An_api_redirect_replaces_the_twiml_a_live_call_is_running()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Enqueue>waiting</Enqueue></Response>";
        engine.Twiml["/bridge"] = "<Response><Dial><Conference>room-1</Conference></Dial></Response>";
        var twilio = sim.TwilioClient();

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            client: twilio);
        await engine.WaitForAsync(_ => sim.Calls.Record(call.Sid)!.Queue == "waiting");
        await CallResource.UpdateAsync(call.Sid, url: new Uri(engine.Url("/bridge")), client: twilio);
        await engine.WaitForAsync(_ => sim.Conferences.Snapshot().Any(c => c.Name == "room-1"));

        var room = Assert.Single(sim.Conferences.Snapshot());
        Assert.Equal(call.Sid, Assert.Single(room.Participants).CallSid);
        Assert.Equal("room-1", sim.Calls.Record(call.Sid)!.Conference);
    }
}

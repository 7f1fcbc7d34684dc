using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>Conferences, dialled numbers and GET callbacks.</summary>
public sealed class ConferenceAndDialTests
{
    static readonly PhoneNumber CallerId = new("+15559990000");

    [Fact]
    public async Task An_agent_leg_placed_to_client_joins_the_customers_conference_and_ending_it_ends_the_customers_dial()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml[
            "/customer"] =
            "<Response><Dial action=\"/customer-left\"><Conference>sale-7</Conference></Dial></Response>";
        var twilio = sim.TwilioClient();

        var customer = await CallResource.CreateAsync(new PhoneNumber("+15551230001"), CallerId,
            url: new Uri(engine.Url("/customer")), client: twilio);
        await engine.WaitForAsync(_ => sim.Conferences.Snapshot().Any(c => c.Name == "sale-7"));
        var agent = await CallResource.CreateAsync(new Client("alice"), CallerId,
            twiml: new Twiml(
                "<Response><Dial><Conference endConferenceOnExit=\"true\">sale-7</Conference></Dial></Response>"),
                client: twilio);
        await engine.WaitForAsync(_ => sim.Conferences.Snapshot().Any(c => c.Participants.Count == 2));
        var room = sim.Conferences.Snapshot().Single();
        var agentRecord = await sim.WaitForEndAsync(agent.Sid, Patience);
        var afterConference = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/customer-left")))
            .Last(w => w.Path == "/customer-left");

        Assert.Contains(room.Participants,
            p => p.CallSid == customer.Sid && p.Role == Dialer.TwilioSimulator.Agents.ParticipantRole.Customer);
        Assert.Contains(room.Participants,
            p => p.CallSid == agent.Sid && p.Role == Dialer.TwilioSimulator.Agents.ParticipantRole.Agent);
        Assert.Equal("alice", agentRecord.Agent);
        Assert.Equal("completed", afterConference.Get("DialCallStatus"));
        Assert.Empty(sim.Conferences.Snapshot());
    }

    [Fact]
    public async Task A_dialled_number_answers_talks_and_reports_to_the_action_url()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml[
            "/answer"] =
            "<Response><Play>https://example.com/hello.mp3</Play><Dial "
            + "action=\"/dialled\"><Number>+15557770000</Number></Dial></Response>";

        var call = await CallResource.CreateAsync(new PhoneNumber("+15551230001"), CallerId,
            url: new Uri(engine.Url("/answer")), client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        Assert.Equal("completed", Assert.Single(engine.On("/dialled")).Get("DialCallStatus"));
        Assert.Contains(record.Trail, t => t.StartsWith("Play", StringComparison.Ordinal));
        Assert.Contains(record.Trail, t => t == "Dial Number ***0000");
    }

    [Fact]
    public async Task Status_callbacks_by_GET_carry_their_parameters_in_the_signed_url()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();

        await CallResource.CreateAsync(new PhoneNumber("+15551230001"), CallerId, url: new Uri(engine.Url("/answer")),
            statusCallback: new Uri(engine.Url("/status?attempt=1")), statusCallbackMethod: Twilio.Http.HttpMethod.Get,
            statusCallbackEvent: ["ringing"], client: sim.TwilioClient());
        var ringing = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/status"))).First(w => w.Path == "/status");

        Assert.Equal("GET", ringing.Method);
        Assert.Contains("CallStatus=ringing", ringing.Url);
        Assert.True(new Twilio.Security.RequestValidator(sim.Options.AuthToken)
            .Validate(ringing.Url, new Dictionary<string, string>(), ringing.Signature));
    }

    [Fact]
    public async Task A_manager_leg_joining_with_coach_is_recorded_as_coaching_that_agent()
    {
        await using var sim = await SimulatorHost.StartAsync(
            Fast(o => o.Agents.TalkTime = new DurationRange(5_000, 5_000)));
        var twilio = sim.TwilioClient();
        var agent = await CallResource.CreateAsync(new Client("alice"), CallerId,
            twiml: new Twiml("<Response><Dial><Conference>sale-9</Conference></Dial></Response>"), client: twilio);
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult(sim.Conferences.Snapshot().Any(c => c.Name == "sale-9")));

        await CallResource.CreateAsync(new Client("manager-maria"), CallerId,
            twiml: new Twiml(
                $"<Response><Dial><Conference coach=\"{agent.Sid}\" "
                + "muted=\"true\">sale-9</Conference></Dial></Response>"), client: twilio);
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult(sim.Conferences.Snapshot().Single().Participants.Count == 2));

        var coach = sim.Conferences.Snapshot().Single().Participants.Single(p => p.Label == "client:manager-maria");
        Assert.Equal(Dialer.TwilioSimulator.Agents.ParticipantRole.Coach, coach.Role);
        Assert.Equal(agent.Sid, coach.Coaching);
        Assert.True(coach.Muted);
    }
}

using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>Status callbacks: the events asked for, in order, numbered, and signed so the SDK's validator accepts
/// them.</summary>
public sealed class StatusCallbackTests
{
    static readonly PhoneNumber Customer = new("+15551230001");
    static readonly PhoneNumber CallerId = new("+15559990000");
    static readonly List<string> AllEvents = ["initiated", "ringing", "answered", "completed"];

    [Fact]
    public async Task Callbacks_arrive_in_order_with_sequence_numbers_and_valid_signatures()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Say>Hello from the campaign</Say><Hangup/></Response>";

        var call = await PlaceAsync(sim, engine, AllEvents);
        var callbacks = await engine.WaitForAsync(r =>
            r.Any(w => w.Path == "/status" && w.Get("CallStatus") == "completed"));

        var status = callbacks.Where(w => w.Path == "/status").ToList();
        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], status.Select(w => w.Get("CallStatus")));
        Assert.Equal(["0", "1", "2", "3"], status.Select(w => w.Get("SequenceNumber")));
        Assert.All(status, w => Assert.Equal(call.Sid, w.Get("CallSid")));
        Assert.All(status, w => Assert.Equal("outbound-api", w.Get("Direction")));
        Assert.NotNull(status[^1].Get("CallDuration"));
        Assert.NotNull(status[^1].Get("Timestamp"));

        var validator = new RequestValidator(sim.Options.AuthToken);
        Assert.All(callbacks,
            w => Assert.True(validator.Validate(w.Url, w.Form.ToDictionary(), w.Signature),
                $"bad signature on {w.Url}"));
        Assert.Contains("?attempt=42", status[0].Url);
    }

    [Fact]
    public async Task A_signature_made_with_another_token_does_not_validate()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        await PlaceAsync(sim, engine, ["completed"]);

        var answer = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/answer"))).First(w => w.Path == "/answer");

        Assert.False(new RequestValidator("another-auth-token")
            .Validate(answer.Url, answer.Form.ToDictionary(), answer.Signature));
        Assert.True(new RequestValidator(sim.Options.AuthToken)
            .Validate(answer.Url, answer.Form.ToDictionary(), answer.Signature));
    }

    [Fact]
    public async Task Without_events_only_completed_is_sent()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();

        var call = await PlaceAsync(sim, engine, events: null);
        await sim.WaitForEndAsync(call.Sid, Patience);
        var status = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/status"))).Where(w => w.Path == "/status");

        Assert.Equal("completed", Assert.Single(status).Get("CallStatus"));
    }

    [Theory]
    [InlineData("Busy", "busy")]
    [InlineData("NoAnswer", "no-answer")]
    [InlineData("Failed", "failed")]
    public async Task Unanswered_outcomes_end_with_their_status_and_never_request_the_answer_url(string outcome, string status)
    {
        var mix = new OutcomeMix { Human = 0, Machine = 0, Busy = 0, NoAnswer = 0, Failed = 0 };
        typeof(OutcomeMix).GetProperty(outcome)!.SetValue(mix, 1.0);
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.Outcomes = mix));
        await using var engine = await WebhookReceiver.StartAsync();

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            statusCallback: new Uri(engine.Url("/status")), statusCallbackEvent: AllEvents, timeout: 1,
            client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);
        var callbacks = await engine.WaitForAsync(r => r.Any(w => w.Get("SequenceNumber") == "2"));

        Assert.Equal(status, record.Status);
        Assert.Equal(["initiated", "ringing", status], callbacks.Select(w => w.Get("CallStatus")));
        Assert.DoesNotContain(engine.Received, w => w.Path == "/answer");
    }

    [Fact]
    public async Task The_duplicate_fault_sends_each_callback_twice_with_the_same_sequence_number()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        sim.Faults.Apply(
            new FaultPatch(null, null, null, null, null, null, null, null, DuplicateCallbackFraction: 1, null, null));

        await PlaceAsync(sim, engine, AllEvents);
        var status = (await engine.WaitForAsync(r => r.Count(w => w.Path == "/status") == 8))
            .Where(w => w.Path == "/status").ToList();

        Assert.Equal(["0", "0", "1", "1", "2", "2", "3", "3"], status.Select(w => w.Get("SequenceNumber")));
        Assert.All(status.Chunk(2), twins => Assert.Equal(twins[0].IdempotencyToken, twins[1].IdempotencyToken));
        Assert.Equal(4, status.Select(w => w.IdempotencyToken).Distinct().Count());
    }

    [Fact]
    public async Task The_reorder_fault_sends_a_callback_after_the_one_that_followed_it()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        sim.Faults.Apply(
            new FaultPatch(null, null, null, null, null, null, null, null, null, ReorderCallbackFraction: 1, null));

        await PlaceAsync(sim, engine, AllEvents);
        var status = (await engine.WaitForAsync(r => r.Count(w => w.Path == "/status") == 4))
            .Where(w => w.Path == "/status").ToList();

        Assert.Equal(["1", "0", "3", "2"], status.Select(w => w.Get("SequenceNumber")));
    }

    static Task<CallResource> PlaceAsync(Dialer.TwilioSimulator.Hosting.SimulatorHost sim, WebhookReceiver engine,
        List<string>? events) =>
        CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer?attempt=42")),
            statusCallback: new Uri(engine.Url("/status?attempt=42")), statusCallbackEvent: events,
            client: sim.TwilioClient());
}

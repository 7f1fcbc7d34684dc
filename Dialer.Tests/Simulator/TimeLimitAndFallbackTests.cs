using System.Net;
using System.Net.Sockets;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>TimeLimit on a call and on a Dial; FallbackUrl when the answer URL fails in each way it can.</summary>
public sealed class TimeLimitAndFallbackTests
{
    static readonly PhoneNumber Customer = new("+15551230001");
    static readonly PhoneNumber CallerId = new("+15559990000");

    [Fact]
    public async Task A_call_ends_completed_at_its_TimeLimit()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Pause length=\"1000\"/></Response>";

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")), timeLimit: 1,
            client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        Assert.Equal("completed", record.Status);
        Assert.InRange(record.Duration, 1, 2); // whole seconds, rounded up
        Assert.Contains("time limit 1s reached", record.Trail);
    }

    [Fact]
    public async Task A_dial_ends_at_its_timeLimit_its_action_is_requested_and_the_call_goes_on()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml[
            "/answer"] =
            "<Response><Dial timeLimit=\"1\" action=\"/after\"><Conference>limited</Conference></Dial></Response>";
        engine.Twiml["/after"] = "<Response><Say>Time is up</Say></Response>";

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        var after = Assert.Single(engine.On("/after"));
        Assert.Equal("completed", after.Get("DialCallStatus"));
        Assert.InRange(int.Parse(after.Get("DialCallDuration")!), 1, 2);
        Assert.Contains("Dial timeLimit 1s reached", record.Trail);
        Assert.Contains(record.Trail, t => t.StartsWith("Say", StringComparison.Ordinal));
    }

    public enum AnswerFailure { ServerError, Timeout, ConnectionRefused }

    [Theory]
    [InlineData(AnswerFailure.ServerError)]
    [InlineData(AnswerFailure.Timeout)]
    [InlineData(AnswerFailure.ConnectionRefused)]
    public async Task When_the_answer_url_fails_the_fallback_url_is_requested_and_its_twiml_followed(AnswerFailure failure)
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.WebhookTimeoutMilliseconds = 300));
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/fallback"] = "<Response><Say>Sorry</Say><Hangup/></Response>";
        var answer = engine.Url("/answer");
        switch (failure)
        {
            case AnswerFailure.ServerError: engine.Status["/answer"] = 503; break;
            case AnswerFailure.Timeout: engine.Delay["/answer"] = TimeSpan.FromSeconds(5); break;
            case AnswerFailure.ConnectionRefused: answer = $"http://127.0.0.1:{ClosedPort()}/answer"; break;
        }

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(answer),
            fallbackUrl: new Uri(engine.Url("/fallback")),
            client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        var fallback = Assert.Single(engine.On("/fallback"));
        Assert.Equal((call.Sid, "in-progress"), (fallback.Get("CallSid"), fallback.Get("CallStatus")));
        Assert.Contains(record.Trail, t => t.StartsWith("Say", StringComparison.Ordinal));
        Assert.Contains("Hangup", record.Trail);
        Assert.Null(record.LastError);
    }

    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }
}

using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>The delay fault.</summary>
public sealed class CallbackDelayTests
{
    [Fact]
    public async Task The_delay_fault_holds_each_callback_back()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        sim.Faults.Apply(
            new FaultPatch(null, null, null, null, null, null, null, null, null, null, CallbackDelayMs: 300));

        var before = DateTimeOffset.UtcNow;
        var call = await CallResource.CreateAsync(new PhoneNumber("+15551230001"), new PhoneNumber("+15559990000"),
            url: new Uri(engine.Url("/answer")), statusCallback: new Uri(engine.Url("/status")),
            statusCallbackEvent: ["initiated"],
            client: sim.TwilioClient());
        var initiated = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/status")))
            .First(w => w.Path == "/status");

        Assert.Equal(call.Sid, initiated.Get("CallSid"));
        Assert.True(initiated.At - before >= TimeSpan.FromMilliseconds(290),
            $"arrived after {(initiated.At - before).TotalMilliseconds} ms");
    }
}

using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>Resetting between tests.</summary>
public sealed class ResetTests
{
    [Fact]
    public async Task After_a_reset_new_calls_do_not_wait_behind_forgotten_ones()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.CallsPerSecond = 1));
        var twilio = sim.TwilioClient();
        var hold = new Twiml("<Response><Enqueue>hold</Enqueue></Response>");
        for (var i = 0; i < 5; i++)
            await CallResource.CreateAsync(new PhoneNumber($"+1555123000{i}"), new PhoneNumber("+15559990000"),
                twiml: hold, client: twilio);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        (await http.DeleteAsync("sim/calls")).EnsureSuccessStatusCode();
        var fresh = await CallResource.CreateAsync(new PhoneNumber("+15551239999"), new PhoneNumber("+15559990000"),
            twiml: hold, client: twilio);

        Assert.True(int.Parse(fresh.QueueTime) < 100, $"waited {fresh.QueueTime} ms");
        Assert.Equal(fresh.Sid, Assert.Single(sim.Calls.Snapshot()).Sid);
    }
}

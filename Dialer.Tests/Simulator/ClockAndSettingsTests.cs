using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>The simulator keeps time with the TimeProvider it is given, and refuses bad settings at start.</summary>
public sealed class ClockAndSettingsTests
{
    [Fact]
    public async Task On_a_fake_clock_calls_over_the_rate_wait_exactly_their_turn()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.CallsPerSecond = 1), timeProvider: clock);
        var twilio = sim.TwilioClient();
        var hold = new Twiml("<Response><Enqueue>hold</Enqueue></Response>");

        var calls = new List<CallResource>();
        for (var i = 0; i < 3; i++)
            calls.Add(await CallResource.CreateAsync(new PhoneNumber($"+1555123000{i}"),
                new PhoneNumber("+15559990000"), twiml: hold, client: twilio));

        Assert.Equal(["0", "1000", "2000"], calls.Select(c => c.QueueTime));
        Assert.Null(sim.Calls.Record(calls[1].Sid)!.StartTime);

        clock.Advance(TimeSpan.FromSeconds(1));
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult(sim.Calls.Record(calls[1].Sid)!.StartTime is not null));

        Assert.Equal(clock.Start.AddSeconds(1), sim.Calls.Record(calls[1].Sid)!.StartTime);
        Assert.Null(sim.Calls.Record(calls[2].Sid)!.StartTime);
    }

    [Fact]
    public async Task A_mix_with_no_positive_weight_stops_the_simulator_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(
            Fast(o => o.Outcomes = new OutcomeMix { Human = 0, Machine = 0, Busy = 0, NoAnswer = 0, Failed = 0 })));

        Assert.Contains("Simulator:Outcomes", error.Message);
    }
}

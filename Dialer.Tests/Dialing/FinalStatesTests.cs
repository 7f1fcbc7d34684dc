using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Dialing;

public sealed class EveryOutcome : DialingWorld
{
    protected override SimulatorOptions SimulatorSettings() =>
        FastSimulator(new OutcomeMix { Human = 1, Machine = 1, Busy = 1, NoAnswer = 1, Failed = 1 });
}

public sealed class FinalStatesTests(EveryOutcome world) : IClassFixture<EveryOutcome>
{
    [Fact]
    public async Task Each_final_state_and_machine_answer_is_recorded_as_Twilio_reported_it()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(30,
            s => s with { MachineHandling = MachineHandling.HangUp });
        var attempts = await world.DialAsync(campaign, 30);
        var done = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal,
            TimeSpan.FromSeconds(60));

        foreach (var attempt in done)
        {
            var phone = contacts.Single(c => c.Id == attempt.ContactId).Phone;
            var call = Assert.Single(world.Simulator.Calls.Snapshot(phone));
            Assert.Equal(TwilioStatus.ToState(call.Status), attempt.State);
            Assert.Equal(call.AnsweredBy, attempt.AnsweredBy);
        }
        var states = done.Select(a => a.State).Distinct().ToList();
        Assert.Contains(AttemptState.Busy, states);
        Assert.Contains(AttemptState.NoAnswer, states);
        Assert.Contains(AttemptState.Failed, states);
        Assert.Contains(done, a => MachineVerdict.Is(a.AnsweredBy));
        Assert.Contains(done, a => a.AnsweredBy == "human");
    }
}

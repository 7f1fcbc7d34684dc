using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;

namespace Dialer.Tests.Pacing;

public class DropAttributionTests
{
    // People turn live early (5 s), machines late (20 s); agents meet both, so their odds are learned.
    static DropAttribution Learned()
    {
        var a = new DropAttribution();
        for (var i = 0; i < 200; i++)
        {
            var at = 10.0 * i;
            var person = i % 2 == 0;
            a.Observe(new DialResolved(at, DialResolution.Live, person ? 5 : 20));
            a.Observe(new AgentWorkEnded(at + 60, person ? AgentActivity.Talking : AgentActivity.HandlingMachine, 60));
        }
        return a;
    }

    static PacingSnapshot At(double now, int dropped, params double[] waitingAges) => new(
        now, [new AgentView(AgentActivity.Talking, 30)], [], waitingAges,
        new AbandonBudget(100, dropped, 0), new PacingSettings { Mode = DialingMode.Predictive });

    [Theory]
    [InlineData(5.0, 0.9, 1.0)]
    [InlineData(20.0, 0.0, 0.1)]
    public void A_drop_is_charged_the_odds_that_its_time_to_live_was_a_person(double secondsToLive, double low, double high)
    {
        var a = Learned();
        a.Update(At(5000, 0), fallback: 0.5);
        a.Observe(new DialResolved(5000.5, DialResolution.Live, secondsToLive));
        a.Update(At(5001, 0, 0.5), fallback: 0.5);       // seen waiting
        var people = a.Update(At(5004, 1), fallback: 0.5); // its hold ran out, and the ledger added a drop
        Assert.InRange(people, low, high);
    }
}

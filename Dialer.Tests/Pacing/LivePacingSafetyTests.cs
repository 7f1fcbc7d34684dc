using Dialer.Core.Campaigns;
using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;

namespace Dialer.Tests.Pacing;

/// <summary>What running live campaigns taught the predictive pacer (see ops/bench/pacing/RESULTS.md).</summary>
public class LivePacingSafetyTests
{
    [Fact]
    public void Answers_while_dialing_progressively_do_not_wind_the_threshold_up()
    {
        var pacer = Snapshots.SeasonedPredictive();
        var before = pacer.Controller.Threshold;
        // a busy first minute: 100 agents, 500 answers connected, no drop
        for (var t = 0; t < PredictivePacer.StartupSeconds; t++)
            pacer.LinesToOpen(
                Snapshots.With(idle: 20, talking: 80,
                    budget: new AbandonBudget(Connected: 10 * t, Dropped: 0, MachineVerdicts: 0), now: t));
        Assert.True(pacer.Controller.Threshold <= before, $"threshold {pacer.Controller.Threshold} rose from {before}");
    }

    [Fact]
    public void An_agent_in_wrap_up_longer_than_anything_seen_is_not_counted_certainly_free()
    {
        var estimates = new PacingEstimates();
        for (var i = 0; i < 200; i++) estimates.Observe(
            new AgentWorkEnded(i, AgentActivity.WrapUp, 1.5 + i % 10 * 0.1));
        var usual = estimates.ProbabilityFreeWithin(AgentActivity.WrapUp, elapsed: 1, seconds: 2);
        var overdue = estimates.ProbabilityFreeWithin(AgentActivity.WrapUp, elapsed: 30, seconds: 1);
        Assert.True(usual > 0.9, $"usual {usual}, overdue {overdue}");
        Assert.InRange(overdue, 0.2, 0.6); // about 1 - exp(-1 s / 2 s mean)
    }

    [Fact]
    public void Live_campaigns_are_paced_for_no_hold_since_an_answer_finds_an_agent_at_once_or_hears_the_message()
    {
        var settings = LivePacingSnapshot.SettingsOf(new CampaignSettings { Mode = DialingMode.Predictive });
        Assert.Equal(0, settings.HoldSeconds);
        Assert.Equal(LivePacingSnapshot.HoldSeconds, settings.HoldSeconds);
    }
}

using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;

namespace Dialer.Tests.Pacing;

public class PacerDecisionTests
{
    static readonly DialingMode[] AgentModes = [DialingMode.Preview, DialingMode.Progressive, DialingMode.Power,
        DialingMode.Predictive];

    [Fact]
    public void With_no_agents_logged_in_no_mode_but_agentless_dials()
    {
        var snapshot = Snapshots.With();
        foreach (var mode in AgentModes) Assert.Equal(0, PacerFactory.Create(mode).LinesToOpen(snapshot));
        Assert.Equal(0, Snapshots.SeasonedPredictive().LinesToOpen(snapshot));
    }

    [Fact]
    public void With_every_agent_talking_and_nothing_known_progressive_and_power_wait()
    {
        var snapshot = Snapshots.With(talking: 10);
        Assert.Equal(0, new ProgressivePacer().LinesToOpen(snapshot));
        Assert.Equal(0, new PowerPacer(3).LinesToOpen(snapshot));
        Assert.Equal(0, new PredictivePacer().LinesToOpen(snapshot)); // no history: progressive
    }

    [Fact]
    public void Progressive_covers_each_idle_agent_once()
    {
        Assert.Equal(2, new ProgressivePacer().LinesToOpen(Snapshots.With(idle: 3, talking: 5, ringing: 1)));
        Assert.Equal(0, new ProgressivePacer().LinesToOpen(Snapshots.With(idle: 2, talking: 5, ringing: 3)));
    }

    [Fact]
    public void Power_keeps_its_ratio_of_lines_per_idle_agent_rounded_down()
    {
        Assert.Equal(5, new PowerPacer(2).LinesToOpen(Snapshots.With(idle: 3, ringing: 1)));
        Assert.Equal(1, new PowerPacer(1.95).LinesToOpen(Snapshots.With(idle: 1)));
    }

    [Fact]
    public void Preview_never_dials_on_its_own() =>
        Assert.Equal(0, new PreviewPacer().LinesToOpen(Snapshots.With(idle: 10)));

    [Fact]
    public void Agentless_fills_its_line_cap()
    {
        var settings = new PacingSettings { Mode = DialingMode.Agentless, AgentlessLineCap = 30 };
        Assert.Equal(26, new AgentlessPacer().LinesToOpen(Snapshots.With(ringing: 4, settings: settings)));
        Assert.Equal(6,
            new AgentlessPacer().LinesToOpen(Snapshots.With(ringing: 4, settings: settings with { TrunkCap = 10 })));
    }

    [Fact]
    public void With_the_trunk_full_no_pacer_dials()
    {
        var settings = new PacingSettings { Mode = DialingMode.Predictive, TrunkCap = 8 };
        var snapshot = Snapshots.With(idle: 5, talking: 5, ringing: 3, settings: settings);
        foreach (var mode in AgentModes) Assert.Equal(0, PacerFactory.Create(mode).LinesToOpen(snapshot));
        Assert.Equal(0, Snapshots.SeasonedPredictive().LinesToOpen(snapshot));
        Assert.Equal(0, new AgentlessPacer().LinesToOpen(snapshot));
    }

    [Fact]
    public void Predictive_dials_progressively_in_a_campaigns_first_minute_whatever_its_history_says()
    {
        var early = Snapshots.With(idle: 2, talking: 10, wrapping: 8, wrapElapsed: 38,
            now: PredictivePacer.StartupSeconds - 1);
        var later = early with { Now = PredictivePacer.StartupSeconds };
        Assert.Equal(new ProgressivePacer().LinesToOpen(early), Snapshots.SeasonedPredictive().LinesToOpen(early));
        Assert.True(Snapshots.SeasonedPredictive().LinesToOpen(later) > new ProgressivePacer().LinesToOpen(later));
    }

    [Fact]
    public void Predictive_with_its_budget_spent_falls_back_to_progressive()
    {
        var spent = new AbandonBudget(Connected: 1000, Dropped: 200, MachineVerdicts: 0);
        var snapshot = Snapshots.With(idle: 4, talking: 15, wrapping: 5, wrapElapsed: 40, ringing: 1, budget: spent);
        Assert.Equal(3, Snapshots.SeasonedPredictive().LinesToOpen(snapshot));
    }

    [Fact]
    public void Predictive_with_budget_left_dials_ahead_of_agents_about_to_finish_wrap_up()
    {
        var snapshot = Snapshots.With(idle: 2, talking: 10, wrapping: 8, wrapElapsed: 38);
        Assert.True(Snapshots.SeasonedPredictive().LinesToOpen(snapshot) > new ProgressivePacer()
            .LinesToOpen(snapshot));
    }

    [Fact]
    public void Predictive_charges_people_amd_hung_up_on_against_the_budget()
    {
        var budget = new AbandonBudget(Connected: 1000, Dropped: 20, MachineVerdicts: 3000);
        var withoutAmd = AbandonController.People(budget, new PacingSettings(), personShare: 1);
        var withAmd = AbandonController.People(budget, new PacingSettings { AmdFalsePositiveRate = 0.02 },
            personShare: 1);
        Assert.Equal(20, withoutAmd.Abandoned, 6);
        Assert.True(withAmd.Abandoned > 40);
    }
}

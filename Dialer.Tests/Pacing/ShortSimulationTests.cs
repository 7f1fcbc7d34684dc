using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Tests.Pacing;

public class ShortSimulationTests
{
    static readonly Scenario TwentyAgentsLowAnswerRate = new()
    {
        Name = "S20-low-short", Agents = 20, WarmupS = 300, HumanRate = 0.15, MachineRate = 0.2, FailRate = 0.1,
        NoAnswerTimeoutS = 26, HoldS = 3, TalkS = new(150, 1.0), WrapS = new(30, 0.5),
    };

    [Fact]
    public void Predictive_keeps_abandons_under_target_and_agents_busier_than_progressive()
    {
        const int seeds = 4;
        const double hours = 0.5;
        var s = TwentyAgentsLowAnswerRate;
        var predictive = SeedRuns.Run(s, () => new PredictivePacer(), s.Settings(DialingMode.Predictive), seeds, hours);
        var progressive = SeedRuns.Run(s, () => new ProgressivePacer(), s.Settings(DialingMode.Progressive), seeds,
            hours);

        Assert.True(predictive.Average(r => r.AbandonRate) <= 0.03,
            $"abandon {predictive.Average(r => r.AbandonRate):P2}");
        Assert.True(predictive.Average(r => r.Occupancy) > progressive.Average(r => r.Occupancy) + 0.05,
            $"occupancy {predictive.Average(r => r.Occupancy):P1} vs {progressive.Average(r => r.Occupancy):P1}");
        Assert.All(predictive, r => Assert.True(r.LinesPeak <= 3 * s.Agents));
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures()
    {
        var s = TwentyAgentsLowAnswerRate;
        SeedResult Once() =>
            new CallSimulator(s, new PredictivePacer(), seed: 7, s.Settings(DialingMode.Predictive), hours: 0.25).Run();
        Assert.Equal(Once(), Once());
    }

    [Fact]
    public void Progressive_without_amd_never_abandons()
    {
        var s = TwentyAgentsLowAnswerRate;
        var runs = SeedRuns.Run(s, () => new ProgressivePacer(), s.Settings(DialingMode.Progressive), seeds: 2,
            hours: 0.25);
        Assert.All(runs, r => Assert.Equal(0, r.Abandoned));
    }
}

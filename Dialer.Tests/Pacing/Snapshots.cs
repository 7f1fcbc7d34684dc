using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;

namespace Dialer.Tests.Pacing;

/// <summary>Hand-made snapshots and a predictive pacer with some history behind it.</summary>
static class Snapshots
{
    public static PacingSnapshot With(
        int idle = 0, int talking = 0, int wrapping = 0, int ringing = 0, int waiting = 0,
        AbandonBudget? budget = null, PacingSettings? settings = null, double wrapElapsed = 5, double now = 1000)
    {
        var agents = Enumerable.Repeat(new AgentView(AgentActivity.Idle, 10), idle)
            .Concat(Enumerable.Repeat(new AgentView(AgentActivity.Talking, 60), talking))
            .Concat(Enumerable.Repeat(new AgentView(AgentActivity.WrapUp, wrapElapsed), wrapping))
            .ToArray();
        return new PacingSnapshot(now, agents, Enumerable.Repeat(4.0, ringing).ToArray(),
            Enumerable.Repeat(1.0, waiting).ToArray(),
            budget ?? new AbandonBudget(Connected: 2000, Dropped: 10, MachineVerdicts: 0),
            settings ?? new PacingSettings { Mode = DialingMode.Predictive });
    }

    /// <summary>A predictive pacer that has seen a campaign like S20-low for a while.</summary>
    public static PredictivePacer SeasonedPredictive(int seed = 1)
    {
        var pacer = new PredictivePacer();
        var rng = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var u = rng.NextDouble();
            pacer.Observe(u < 0.35
                ? new DialResolved(i, DialResolution.Live, 5 + 15 * rng.NextDouble())
                : new DialResolved(i, u < 0.45 ? DialResolution.Failed : DialResolution.NoAnswer, u < 0.45 ? 4 : 26));
            if (i % 5 == 0)
            {
                pacer.Observe(new AgentWorkEnded(i, AgentActivity.Talking, -150 * Math.Log(1 - rng.NextDouble())));
                pacer.Observe(new AgentWorkEnded(i, AgentActivity.WrapUp, 20 + 20 * rng.NextDouble()));
            }
        }
        return pacer;
    }
}

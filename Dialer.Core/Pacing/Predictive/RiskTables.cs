namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// The estimates, turned into lookup tables for a few minutes of decisions: for each of a handful of
/// typical times-to-live of a new dial, the chance that an agent in a given state and elapsed time is free
/// by the time that call must be served, and that a ringing line of a given age turns live before it.
/// </summary>
sealed class RiskTables
{
    public const int Points = 6;
    const double RingBin = 0.25;
    const int RingBins = 240, WrapBins = 600, MachineBins = 300;

    readonly double[] secondsToLive = new double[Points];
    readonly double[] agentHorizon = new double[Points];
    readonly double[] personWeight;
    readonly double[,] talk, wrap, machine, ring;

    /// <param name="personOdds">P(a call turning live this many seconds after its dial is a person).</param>
    public RiskTables(PacingEstimates e, PacingSettings settings, double builtAt, Func<double, double> personOdds)
    {
        BuiltAt = builtAt;
        LiveRate = e.LiveRate;
        MinReadySeconds = settings.MinReadySeconds;
        var window = Math.Max(0, settings.HoldSeconds - e.MeanClassificationDelay);
        for (var m = 0; m < Points; m++)
        {
            secondsToLive[m] = e.SecondsToLiveQuantile((m + 0.5) / Points);
            agentHorizon[m] = secondsToLive[m] + window;
        }
        personWeight = PersonWeights.For(secondsToLive, personOdds);
        talk = BuildTalk(e);
        wrap = Build(WrapBins, 1, (age, h) => e.ProbabilityFreeWithin(AgentActivity.WrapUp, age, h), agentHorizon,
            MinReadySeconds);
        machine = Build(MachineBins, 1, (age, h) => e.ProbabilityFreeWithin(AgentActivity.HandlingMachine, age, h),
            agentHorizon, MinReadySeconds);
        ring = Build(RingBins, RingBin, e.ProbabilityLiveWithin, secondsToLive, 0);
    }

    public double BuiltAt { get; }
    public double LiveRate { get; }
    public double MinReadySeconds { get; }

    /// <summary>P(a person who answers turns live at this point); sums to 1 over the points.</summary>
    public double PersonWeight(int point) => personWeight[point];

    /// <summary>Seconds after which an idle agent can take a call: the rest of their minimum ready time.</summary>
    public double AgentHorizon(int point) => agentHorizon[point];

    public double FreeBy(AgentView agent, int point) => agent.Activity switch
    {
        AgentActivity.Idle => MinReadySeconds - agent.SecondsInState <= agentHorizon[point] ? 1 : 0,
        AgentActivity.WrapUp => wrap[Math.Min((int)agent.SecondsInState, WrapBins - 1), point],
        AgentActivity.HandlingMachine => machine[Math.Min((int)agent.SecondsInState, MachineBins - 1), point],
        _ => talk[TalkBin(agent.SecondsInState), point],
    };

    public double LiveBefore(double ringAge, int point) =>
        ring[Math.Min((int)(ringAge / RingBin), RingBins - 1), point];

    static double[,] Build(
        int bins, double width, Func<double, double, double> probability, double[] horizons, double minReady)
    {
        var table = new double[bins, Points];
        for (var b = 0; b < bins; b++)
            for (var m = 0; m < Points; m++)
                table[b, m] = probability((b + 0.5) * width, horizons[m] - minReady);
        return table;
    }

    // Talk elapsed time in 1 s steps for the first two minutes, coarser later where the odds change slowly.
    static int TalkBin(double s) =>
        s < 120 ? (int)s : s < 600 ? 120 + (int)((s - 120) / 5) : Math.Min(216 + (int)((s - 600) / 20), TalkBins - 1);
    const int TalkBins = 216 + 90;
    static double TalkBinStart(int b) => b < 120 ? b : b < 216 ? 120 + (b - 120) * 5 : 600 + (b - 216) * 20;

    double[,] BuildTalk(PacingEstimates e)
    {
        var table = new double[TalkBins, Points];
        if (e.Talks.Samples == 0 || e.Wraps.Samples == 0) return table;
        var steps = (int)Math.Ceiling(agentHorizon.Max() - MinReadySeconds) + 1;
        if (steps <= 0) return table;
        // P(wrap done within the time left after a talk ending in step x), per point
        var wrapDone = new double[Points, steps];
        for (var m = 0; m < Points; m++)
            for (var x = 0; x < steps; x++)
                wrapDone[m, x] = e.Wraps.Cdf(agentHorizon[m] - MinReadySeconds - x - 0.5);
        var talkEnds = new double[steps + 1];
        for (var b = 0; b < TalkBins; b++)
        {
            var elapsed = TalkBinStart(b) + 0.5;
            var survival = 1 - e.Talks.Cdf(elapsed);
            for (var x = 0; x <= steps; x++) talkEnds[x] = e.Talks.Cdf(elapsed + x);
            for (var m = 0; m < Points; m++)
            {
                double p = 0;
                for (var x = 0; x < steps; x++) p += (talkEnds[x + 1] - talkEnds[x]) * wrapDone[m, x];
                table[b, m] = survival <= 1e-9
                    ? PacingEstimates.BeyondAnythingSeen(e.Talks, agentHorizon[m] - MinReadySeconds) * wrapDone[m, 0]
                    : Math.Clamp(p / survival, 0, 1);
            }
        }
        return table;
    }
}

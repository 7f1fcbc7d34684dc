namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// One campaign's online estimates, learned only from outcomes as the dialer sees them: how often and
/// how soon a dial turns live, how long talks, wrap-ups and machine handlings last. Old behaviour fades,
/// so drifting answer rates and changing scripts are followed. Deterministic: no clock, no randomness.
/// </summary>
public sealed class PacingEstimates : IOutcomeObserver
{
    const int Live = 0, NotLive = 1;

    readonly DecayedHistogram resolutions = new(binSeconds: 0.25, bins: 240, memory: 1500, series: 2);
    readonly DecayedHistogram talks = new(binSeconds: 1, bins: 2400, memory: 400);
    readonly DecayedHistogram wraps = new(binSeconds: 1, bins: 600, memory: 400);
    readonly DecayedHistogram machineHandlings = new(binSeconds: 1, bins: 300, memory: 200);
    double classificationDelay;
    int liveSamples;
    // live calls that reached agents: people vs machines, starting from "all people" (the cautious guess)
    double peopleConnected = PriorConnects, connects = PriorConnects;
    const double PriorConnects = 10, ConnectMemory = 400;

    /// <summary>Enough seen to predict; before that the predictive pacer dials progressively.</summary>
    public bool HasHistory => resolutions.Samples >= 40 && liveSamples >= 8 && talks.Samples >= 5 && wraps.Samples >= 5;

    /// <summary>Share of dials passed on as live (people, and machines without AMD or that AMD missed).</summary>
    public double LiveRate => resolutions.Weight() > 0 ? resolutions.Weight(Live) / resolutions.Weight() : 0;

    /// <summary>Share of live calls that are people (the rest: machines passed on), from what agents met.</summary>
    public double PersonShareOfLive => peopleConnected / connects;

    public double MeanSecondsToLive => resolutions.Mean(Live);
    public double MeanTalkSeconds => talks.Mean();
    public double MeanWrapSeconds => wraps.Mean();

    /// <summary>Mean time AMD takes between an answer and passing the call on as live.</summary>
    public double MeanClassificationDelay => classificationDelay;

    public void Observe(PacingObservation observation)
    {
        switch (observation)
        {
            case DialResolved { Resolution: DialResolution.Live } live:
                resolutions.Add(live.SecondsFromDial, Live);
                liveSamples++;
                classificationDelay += (live.SecondsAfterAnswer - classificationDelay) / Math.Min(liveSamples, 200);
                break;
            case DialResolved other:
                resolutions.Add(other.SecondsFromDial, NotLive);
                break;
            case AgentWorkEnded { Activity: AgentActivity.Talking } talk:
                talks.Add(talk.Seconds);
                CountConnect(person: true);
                break;
            case AgentWorkEnded { Activity: AgentActivity.WrapUp } wrap:
                wraps.Add(wrap.Seconds);
                break;
            case AgentWorkEnded { Activity: AgentActivity.HandlingMachine } machine:
                machineHandlings.Add(machine.Seconds);
                CountConnect(person: false);
                break;
        }
    }

    internal DecayedHistogram Talks => talks;
    internal DecayedHistogram Wraps => wraps;

    void CountConnect(bool person)
    {
        var keep = 1 - 1 / ConnectMemory;
        peopleConnected = peopleConnected * keep + (person ? 1 : 0);
        connects = connects * keep + 1;
    }

    /// <summary>Seconds from dial to live that a fraction <paramref name="p"/> of live calls stay under.</summary>
    public double SecondsToLiveQuantile(double p) => resolutions.Quantile(p, Live);

    /// <summary>
    /// P(a line that has rung <paramref name="ringAge"/> s unresolved turns live within <paramref name="seconds"/>
    /// more).
    /// </summary>
    public double ProbabilityLiveWithin(double ringAge, double seconds)
    {
        var unresolved = resolutions.Weight() - resolutions.CountAtMost(
            ringAge, Live) - resolutions.CountAtMost(ringAge, NotLive);
        if (unresolved <= 1e-9) return 0;
        var turningLive = resolutions.CountAtMost(ringAge + seconds, Live) - resolutions.CountAtMost(ringAge, Live);
        return Math.Clamp(turningLive / unresolved, 0, 1);
    }

    /// <summary>
    /// P(an agent in this state for <paramref name="elapsed"/> s is free within <paramref name="seconds"/>).
    /// </summary>
    public double ProbabilityFreeWithin(AgentActivity activity, double elapsed, double seconds)
    {
        if (seconds <= 0) return activity == AgentActivity.Idle ? 1 : 0;
        return activity switch
        {
            AgentActivity.Idle => 1,
            AgentActivity.WrapUp => EndsWithin(wraps, elapsed, seconds),
            AgentActivity.HandlingMachine => EndsWithin(machineHandlings, elapsed, seconds),
            _ => TalkAndWrapEndWithin(elapsed, seconds),
        };
    }

    static double EndsWithin(DecayedHistogram h, double elapsed, double seconds)
    {
        if (h.Samples == 0) return 0;
        var survival = 1 - h.Cdf(elapsed);
        if (survival <= 1e-9) return BeyondAnythingSeen(h, seconds);
        return Math.Clamp((h.Cdf(elapsed + seconds) - h.Cdf(elapsed)) / survival, 0, 1);
    }

    /// <summary>
    /// An agent longer in a state than anything seen: nothing says when they will be done (stepped away without a
    /// break, the system late in freeing them), so the end is taken as equally likely at any moment, at the usual
    /// length's rate. Taking it as imminent had every agent of a stalled wrap-up counted free at once.
    /// </summary>
    internal static double BeyondAnythingSeen(DecayedHistogram h, double seconds) =>
        h.Mean() is var mean && mean > 0 ? 1 - Math.Exp(-seconds / mean) : 1;

    double TalkAndWrapEndWithin(double elapsed, double seconds)
    {
        if (talks.Samples == 0 || wraps.Samples == 0) return 0;
        var start = talks.Cdf(elapsed);
        var survival = 1 - start;
        if (survival <= 1e-9) return BeyondAnythingSeen(talks, seconds) * wraps.Cdf(seconds);
        double p = 0, previous = start;
        for (double x = 0; x < seconds; x += 1)
        {
            var end = Math.Min(x + 1, seconds);
            var c = talks.Cdf(elapsed + end);
            p += (c - previous) * wraps.Cdf(seconds - (x + end) / 2);
            previous = c;
        }
        return Math.Clamp(p / survival, 0, 1);
    }
}

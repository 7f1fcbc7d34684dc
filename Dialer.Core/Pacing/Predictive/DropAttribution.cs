namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// Estimates how many of the ledger's drops were people. The ledger cannot tell a dropped person from a
/// dropped machine, but the time from dial to live tells them apart well (people answer in seconds,
/// machines pick up late), and whether a drop was a person or a machine does not depend on anything else:
/// whoever turns live when no agent is free is dropped. So: learn P(person | seconds to live) from the
/// calls agents met (an agent's talk or machine handling is matched to the live call it began with, by
/// time), find which live calls the new drops were (their hold ran out since the last look, and they were
/// seen waiting), and charge each its odds of being a person. Only what a real dialer sees is used.
/// </summary>
public sealed class DropAttribution
{
    const int Person = 0, Machine = 1;
    const double Eps = 1e-6, KeepSeconds = 4 * 3600, PriorWeight = 2;

    // Live calls as they were passed on; matched later to a connect or to a drop.
    sealed class LiveCall(double at, double secondsToLive, double afterAnswer)
    {
        public double At { get; } = at;
        public double SecondsToLive { get; } = secondsToLive;
        public double AfterAnswer { get; } = afterAnswer;
        public bool SeenWaiting, Judged, Done;
    }

    readonly DecayedHistogram odds = new(binSeconds: 1, bins: 40, memory: 2000, series: 2);
    readonly List<LiveCall> calls = [];
    int lastDropped = -1;
    double hold = 3;

    /// <summary>Drops this attribution has examined, and the people estimated among them.</summary>
    public double Drops { get; private set; }
    public double People { get; private set; }

    /// <summary>
    /// Variance of the people count the last <see cref="Update"/> returned (each drop a coin of its odds).
    /// </summary>
    public double LastVariance { get; private set; }

    /// <summary>
    /// Estimated people among the drops: mostly the attributed ones, the rest at <paramref name="fallback"/>.
    /// </summary>
    public double PersonShare(double fallback) => (People + PriorWeight * fallback) / (Drops + PriorWeight);

    /// <summary>
    /// P(a live call that turned live this long after its dial is a person), cautious while unlearned.
    /// </summary>
    public double PersonOdds(double secondsToLive, double fallback)
    {
        var bin = Math.Clamp(secondsToLive, 0, odds.MaxSeconds + 1);
        double Count(int series) =>
            odds.CountAtMost(bin + 0.5, series) - odds.CountAtMost(Math.Max(0, bin - 0.5), series);
        double p = Count(Person), m = Count(Machine);
        return (p + PriorWeight * fallback) / (p + m + PriorWeight);
    }

    public void Observe(PacingObservation observation)
    {
        switch (observation)
        {
            case DialResolved { Resolution: DialResolution.Live } live:
                calls.Add(new LiveCall(live.At, live.SecondsFromDial, live.SecondsAfterAnswer));
                break;
            case AgentWorkEnded { Activity: AgentActivity.Talking or AgentActivity.HandlingMachine } work:
                Connected(work.At - work.Seconds, work.Activity == AgentActivity.Talking);
                break;
        }
    }

    /// <summary>
    /// Looks at a snapshot: marks the live calls seen waiting and attributes the drops the ledger added
    /// since the last look. Returns the estimated people among those new drops.
    /// </summary>
    public double Update(PacingSnapshot s, double fallback)
    {
        foreach (var age in s.WaitingCallAges)
            if (Find(s.Now - age) is { } waiting) waiting.SeenWaiting = true;

        LastVariance = 0;
        var added = lastDropped < 0 ? 0 : s.Budget.Dropped - lastDropped;
        lastDropped = s.Budget.Dropped;
        hold = s.Settings.HoldSeconds;
        // live calls whose hold ran out since the last look and that are no longer waiting
        var expired = calls.Where(c => !c.Judged && !c.Done && c.At + hold - c.AfterAnswer <= s.Now + Eps).ToList();
        foreach (var c in expired) c.Judged = true;
        if (added <= 0) return 0;

        var seen = expired.Where(c => c.SeenWaiting).ToList();
        var unseen = expired.Where(c => !c.SeenWaiting).ToList();
        double people = 0, variance = 0, left = added;
        void Charge(double weight, double odds)
        {
            people += weight * odds;
            variance += weight * odds * (1 - odds);
        }
        var fromSeen = Math.Min(left, seen.Count);
        foreach (var c in seen)
        {
            var w = fromSeen / seen.Count;
            Charge(w, PersonOdds(c.SecondsToLive, fallback));
            if (w >= 1 - Eps) c.Done = true;
        }
        left -= fromSeen;
        var fromUnseen = Math.Min(left, unseen.Count);
        foreach (var c in unseen) Charge(fromUnseen / unseen.Count, PersonOdds(c.SecondsToLive, fallback));
        left -= fromUnseen;
        Charge(left, fallback); // drops of calls never seen live (e.g. from before this pacer started)
        LastVariance = variance;

        Drops += added;
        People += people;
        Prune(s.Now);
        return people;
    }

    // A talk or machine handling began at `start`: the call was passed on then, or waited until then (first come, first
    // served).
    void Connected(double start, bool person)
    {
        var call = Find(start);
        if (call is null)
            foreach (var c in calls)
            {
                if (c.At > start + Eps) break;
                if (!c.Done && c.SeenWaiting && start <= c.At + hold + Eps) { call = c; break; }
            }
        if (call is null) return;
        call.Done = true;
        odds.Add(call.SecondsToLive, person ? Person : Machine);
    }

    LiveCall? Find(double at)
    {
        int lo = 0, hi = calls.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (calls[mid].At < at - Eps) lo = mid + 1;
            else if (calls[mid].At > at + Eps) hi = mid - 1;
            else return calls[mid].Done ? null : calls[mid];
        }
        return null;
    }

    void Prune(double now)
    {
        if (calls.Count < 512) return;
        calls.RemoveAll(c => c.Done || c.At < now - KeepSeconds);
    }
}

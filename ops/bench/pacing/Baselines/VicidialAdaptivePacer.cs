using Dialer.Core.Pacing;

namespace Dialer.Bench.Pacing.Baselines;

/// <summary>
/// VICIdial's ADAPT_AVERAGE method with its default settings (adaptive dropped percentage 3, intensity 0,
/// dial-level difference target 0, maximum level 3.0, starting level 1.0), after AST_VDadapt.pl and
/// AST_VDauto_dial.pl: every second it samples ready agents and waiting calls (15-sample average); every
/// 15 s it multiplies the dial level by 1 + (ready - waiting) / agents, halves it when today's drops
/// exceed 3% of answers (after 50 calls) or the last minute's exceed 50% of 20+ calls, and keeps it in
/// [1, 3]; every 60 s it refreshes the drop figures. It places level × (ready + in-call agents) lines,
/// less the calls already up. It counts every drop as an abandon, as VICIdial logs them.
/// </summary>
sealed class VicidialAdaptivePacer : IPacer
{
    const double MaximumLevel = 3.0, DroppedPercentage = 3, StatWindow = 15;
    readonly Queue<(int Ready, int Waiting, int Total)> samples = new();
    readonly Queue<(double At, int Dials)> minute = new();
    double level = 1.0;
    long lastSecond = -1, secondsSinceLevel, secondsSinceDrops = 60;
    int dialsToday;
    double dropsTodayPct, dropsOneMinutePct;
    int callsOneMinute;

    public int LinesToOpen(PacingSnapshot s)
    {
        var second = (long)Math.Floor(s.Now);
        if (second > lastSecond)
        {
            lastSecond = second;
            EverySecond(s);
        }
        var inCall = s.AgentsOnCalls;
        var goal = (int)Math.Round(level * (s.IdleAgents + inCall), MidpointRounding.ToEven);
        var lines = LineLimits.Clamp(s, goal - (LineLimits.LinesInFlight(s) + inCall));
        dialsToday += lines;
        minute.Enqueue((s.Now, lines));
        return lines;
    }

    void EverySecond(PacingSnapshot s)
    {
        samples.Enqueue((s.IdleAgents, s.WaitingCallAges.Count, s.Agents.Count));
        while (samples.Count > StatWindow) samples.Dequeue();
        while (minute.Count > 0 && minute.Peek().At < s.Now - 60) minute.Dequeue();

        if (++secondsSinceDrops >= 60)
        {
            secondsSinceDrops = 0;
            RefreshDrops(s);
        }
        if (++secondsSinceLevel >= 15 && samples.Average(x => x.Total) > 0)
        {
            secondsSinceLevel = 0;
            AdaptLevel();
        }
    }

    int lastDrops;
    readonly Queue<(double At, int Drops)> dropHistory = new();

    void RefreshDrops(PacingSnapshot s)
    {
        var answers = Math.Max(1, s.Budget.Connected + s.Budget.Dropped);
        dropsTodayPct = 100.0 * s.Budget.Dropped / answers;
        dropHistory.Enqueue((s.Now, s.Budget.Dropped - lastDrops));
        lastDrops = s.Budget.Dropped;
        while (dropHistory.Count > 0 && dropHistory.Peek().At < s.Now - 60) dropHistory.Dequeue();
        callsOneMinute = minute.Sum(m => m.Dials);
        var dropsOne = dropHistory.Sum(d => d.Drops);
        dropsOneMinutePct = callsOneMinute > 0 ? 100.0 * dropsOne / callsOneMinute : 0;
    }

    void AdaptLevel()
    {
        var agentsAverage = samples.Average(x => x.Total);
        var differential = samples.Average(x => x.Ready) - samples.Average(x => x.Waiting);
        var multiplier = differential != 0 && agentsAverage != 0 ? differential / agentsAverage : 0;
        // intensity 0: the raw differential
        level = Math.Round(level * (multiplier + 1), 3);
        if (level > MaximumLevel) level = MaximumLevel;
        if (level < 1) level = 1;
        if (callsOneMinute > 20 && dropsOneMinutePct > 50) level /= 2;
        if (dialsToday > 50 && dropsTodayPct > DroppedPercentage) level /= 2;
        if (level < 1) level = 1;
    }
}

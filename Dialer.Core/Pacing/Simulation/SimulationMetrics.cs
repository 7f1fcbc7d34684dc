namespace Dialer.Core.Pacing.Simulation;

/// <summary>Accumulates MODEL.md's measures over [warm-up, warm-up + hours].</summary>
sealed class SimulationMetrics(double from, double to)
{
    readonly StepIntegral agents = new(from, to), lines = new(from, to);
    readonly List<(double At, bool Abandoned)> answers = [];
    double busy, talk, idleGapSum;
    int idleGaps, contacts, dials, abandoned;

    bool InWindow(double t) => t >= from && t < to;

    public void AgentsLoggedIn(double now, int count) => agents.Set(now, count);
    public void LinesInUse(double now, int count) => lines.Set(now, count);

    public void Dialed(double now) { if (InWindow(now)) dials++; }

    /// <summary>A person answered; returns their index among measured answers, or -1.</summary>
    public int HumanAnswered(double now)
    {
        if (!InWindow(now)) return -1;
        answers.Add((now, false));
        return answers.Count - 1;
    }

    public void HumanAbandoned(int answerIndex)
    {
        if (answerIndex < 0) return;
        answers[answerIndex] = (answers[answerIndex].At, true);
        abandoned++;
    }

    public void Connected(double now, double idleSince, bool human)
    {
        if (!InWindow(now)) return;
        idleGapSum += now - idleSince;
        idleGaps++;
        if (human) contacts++;
    }

    public void Worked(double start, double end, bool talking)
    {
        var overlap = Math.Min(end, to) - Math.Max(start, from);
        if (overlap <= 0) return;
        busy += overlap;
        if (talking) talk += overlap;
    }

    public SeedResult Finish()
    {
        agents.Finish();
        lines.Finish();
        var agentSeconds = Math.Max(agents.Area, 1e-9);
        var agentHours = agentSeconds / 3600;
        return new SeedResult(
            Occupancy: busy / agentSeconds,
            TalkMinutesPerAgentHour: talk / 60 / agentHours,
            AbandonRate: answers.Count == 0 ? 0 : (double)abandoned / answers.Count,
            WorstHourAbandonRate: WorstHour(),
            IdleGapSeconds: idleGaps == 0 ? 0 : idleGapSum / idleGaps,
            ContactsPerAgentHour: contacts / agentHours,
            DialsPerAgentHour: dials / agentHours,
            LinesMean: lines.Area / (to - from),
            LinesPeak: lines.Peak,
            HumansAnswered: answers.Count,
            Abandoned: abandoned);
    }

    // Sliding 60-minute windows starting at each answer (and the window's own start), inside the measured period.
    double WorstHour()
    {
        if (to - from < 3600) return answers.Count == 0 ? 0 : (double)abandoned / answers.Count;
        double worst = 0;
        int end = 0, inWindow = 0, abandonsIn = 0;
        for (var start = 0; start < answers.Count && answers[start].At <= to - 3600; start++)
        {
            while (end < answers.Count && answers[end].At < answers[start].At + 3600)
            {
                inWindow++;
                if (answers[end].Abandoned) abandonsIn++;
                end++;
            }
            worst = Math.Max(worst, (double)abandonsIn / inWindow);
            inWindow--;
            if (answers[start].Abandoned) abandonsIn--;
        }
        return worst;
    }
}

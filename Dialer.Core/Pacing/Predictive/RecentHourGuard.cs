namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// Keeps the abandon rate of any 60 minutes under a cap, not just the long-run rate. With few agents an
/// hour holds few answers (5 agents: about 65), so a handful of abandons close together breaks any hour
/// even when the campaign's rate is on target, and the controller, which follows the long run, reacts too
/// late. This tracks the estimated people answered and abandoned over the last hour and gives a limit
/// (0..1) on the risk a dial may carry, shrinking to nothing as the hour's abandons near the cap.
/// </summary>
public sealed class RecentHourGuard
{
    const double Window = 3600;
    /// <summary>The hour's cap, over the campaign's target: 5% for the usual 3%.</summary>
    public const double CapOverTarget = 5.0 / 3;
    /// <summary>
    /// Back off before the cap: aim under it, keep room for the abandons the dials already ringing may
    /// still bring (they grow with the lines out, so with the team: about one with 20 agents, half of one
    /// with 5), and judge on a likely upper bound of the hour's abandons (the people among drops are
    /// guesses). Chosen on the public scenarios as one set for all of them.
    /// </summary>
    const double Aim = 0.9, ReserveFor20Agents = 1.2, Z = 1.75, Cushion = 1.5;

    readonly Queue<(double At, double Answers, double Abandons, double Variance)> recent = new();
    double answers, abandons, variance, start = double.NaN;

    /// <summary>Estimated people answered and abandoned in the last hour.</summary>
    public double Answers => answers;
    public double Abandons => abandons;

    /// <param name="abandonedVariance">How uncertain the abandoned count is (drops whose person or machine is a
    /// guess).</param>
    public void Add(double now, double answered, double abandoned, double abandonedVariance = 0)
    {
        if (double.IsNaN(start)) start = now;
        if (answered <= 0 && abandoned <= 0) return;
        recent.Enqueue((now, answered, abandoned, abandonedVariance));
        answers += answered;
        abandons += abandoned;
        variance += abandonedVariance;
    }

    /// <summary>How much of the controller's threshold to allow now, 1 when the hour is far from its cap.</summary>
    public double Limit(double now, double target, int agents)
    {
        while (recent.Count > 0 && recent.Peek().At <= now - Window)
        {
            var old = recent.Dequeue();
            answers -= old.Answers;
            abandons -= old.Abandons;
            variance -= old.Variance;
        }
        if (recent.Count == 0) { answers = abandons = variance = 0; return 1; }
        var from = Math.Max(start, now - Window);
        var answersPerSecond = answers / Math.Max(now - from, 60);
        // every 60 minutes that hold this moment, not only the last 60: the one from the earliest answer still counted,
        // and those starting at each recent abandon, which hold that abandon with fewer answers around it; each also
        // holds the answers still to come before it ends
        var headroom = Headroom(answers + answersPerSecond * (from + Window - now), abandons, variance, target, agents);
        double answersSince = answers, abandonsSince = abandons, varianceSince = variance;
        foreach (var (at, answered, abandoned, abandonedVariance) in recent)
        {
            if (abandoned > 0)
                headroom = Math.Min(headroom, Headroom(answersSince + answersPerSecond * (at + Window - now),
                    abandonsSince, varianceSince, target, agents));
            answersSince -= answered;
            abandonsSince -= abandoned;
            varianceSince -= abandonedVariance;
        }
        return Math.Clamp(headroom / Cushion, 0, 1);
    }

    // judged on a likely upper bound of the window's abandons, not on their expected count
    static double Headroom(double expectedAnswers, double abandons, double variance, double target, int agents) =>
        Aim * CapOverTarget * target * expectedAnswers - abandons - Z * Math.Sqrt(Math.Max(variance, 0))
        - ReserveFor20Agents * Math.Sqrt(agents / 20.0);
}

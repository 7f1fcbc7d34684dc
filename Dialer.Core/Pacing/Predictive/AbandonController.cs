namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// Keeps the abandon rate under the campaign's target by moving the risk a new dial may carry. Each live
/// answer raises the threshold a little, each abandon (real, or a person AMD is estimated to have hung up
/// on) lowers it a lot, so that it settles where abandons are <see cref="SetpointShare"/> of the target.
/// On top, the ledger's budget: as the abandons left in it run low the threshold shrinks, and once none
/// are left the pacer dials progressively.
/// </summary>
public sealed class AbandonController
{
    public const double SetpointShare = 0.85;
    const double Gain = 0.4, Cushion = 2.0;
    const double MinThreshold = 0.002, MaxThreshold = 0.5, InitialThreshold = 0.02;

    /// <summary>
    /// The threshold rises at most this much (in log) per second over any stretch of time (past a short allowance),
    /// doubling in no less than 35 s. A dial's abandon is
    /// seen seconds after the dial (the ring, the safe-harbour message, its callback); where answers come many a second
    /// (short calls, a big team) their evidence would otherwise lift the threshold far before the abandons it brings
    /// are counted, and the pacer would swing between bursts of abandons and progressive dialing.
    /// </summary>
    public const double MaxRisePerSecond = 0.02;
    /// <summary>How much rise may be taken at once out of the unused allowance (answers come unevenly).</summary>
    const double RiseAllowanceCap = 0.5;

    double logThreshold = Math.Log(InitialThreshold);
    AbandonBudget? last;
    double lastAt = double.NaN, riseAllowance = RiseAllowanceCap;

    /// <summary>The risk the controller lets a new dial carry, before the budget's back-off.</summary>
    public double Threshold => Math.Exp(logThreshold);

    /// <summary>Abandons the budget has left, AMD false positives charged (what the last update saw).</summary>
    public double BudgetLeft { get; private set; }

    /// <summary>
    /// Learns from the ledger's counts since the last call; returns the threshold to use now, or null when
    /// the budget is spent. <paramref name="personShare"/>: the estimated share of people among live calls,
    /// to count the people among the drops. It settles at <paramref name="setpointShare"/> of the target, with the
    /// threshold also scaled by an outside <paramref name="limit"/> (0..1, e.g. a guard on the last hour). While the
    /// budget or the limit holds the threshold down, answers raise it only as much as it is used: otherwise it would
    /// wind up during the back-off and overshoot once released.
    /// </summary>
    /// <param name="now">Seconds on the pacer's clock, to bound how fast the threshold rises; NaN for no bound.</param>
    public double? Update(AbandonBudget budget, PacingSettings settings, double personShare,
        double setpointShare = SetpointShare, double limit = 1, double now = double.NaN)
    {
        var target = settings.AbandonTarget;
        var (allAnswers, allAbandons, _) = People(budget, settings, personShare);
        BudgetLeft = target * allAnswers - allAbandons;
        var scale = Math.Clamp(Math.Min(limit, BudgetLeft / Cushion), 0, 1);
        if (last is { } previous)
        {
            var (answers, abandons, hidden) = People(
                new AbandonBudget(Math.Max(0, budget.Connected - previous.Connected),
                Math.Max(0, budget.Dropped - previous.Dropped), 0), settings, personShare);
            // AMD's hidden abandons come whatever the pacing: they shrink its share, but are no reason to back off
            // further while held down (else the threshold sinks with every answer until it collapses)
            var rise = Gain * scale * (setpointShare * target * answers - hidden);
            if (!double.IsNaN(now) && !double.IsNaN(lastAt))
            {
                riseAllowance = Math.Min(RiseAllowanceCap, riseAllowance
                    + MaxRisePerSecond * Math.Max(0, now - lastAt));
                if (rise > 0) riseAllowance -= rise = Math.Min(rise, riseAllowance);
            }
            logThreshold += rise - Gain * (abandons - hidden);
            logThreshold = Math.Clamp(logThreshold, Math.Log(MinThreshold), Math.Log(MaxThreshold));
        }
        last = budget;
        lastAt = now;
        if (BudgetLeft <= 0) return null;
        return Threshold * scale;
    }

    /// <summary>
    /// Estimated people answered and abandoned: those connected, the people among the drops, and the people
    /// AMD hung up on (they look like machine verdicts: rate/(1-rate) of them per person passed on).
    /// </summary>
    public static (double Answered, double Abandoned, double HiddenByAmd) People(AbandonBudget budget,
        PacingSettings settings, double personShare)
    {
        var droppedPeople = budget.Dropped * Math.Clamp(personShare, 0, 1);
        var rate = Math.Clamp(settings.AmdFalsePositiveRate, 0, 0.5);
        var hidden = (budget.Connected + droppedPeople) * rate / (1 - rate);
        return (budget.Connected + droppedPeople + hidden, droppedPeople + hidden, hidden);
    }
}

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

    double logThreshold = Math.Log(InitialThreshold);
    AbandonBudget? last;

    /// <summary>The risk the controller lets a new dial carry, before the budget's back-off.</summary>
    public double Threshold => Math.Exp(logThreshold);

    /// <summary>Abandons the budget has left, AMD false positives charged (what the last update saw).</summary>
    public double BudgetLeft { get; private set; }

    /// <summary>Learns from the ledger's counts since the last call; returns the threshold to use now, or null when the budget is spent.</summary>
    public double? Update(AbandonBudget budget, PacingSettings settings)
    {
        var target = settings.AbandonTarget;
        if (last is { } previous)
        {
            var answers = Math.Max(0, budget.LiveAnswers - previous.LiveAnswers);
            var abandons = Math.Max(0, budget.Abandons - previous.Abandons);
            var hidden = HiddenAbandons(answers, settings);
            logThreshold += Gain * (SetpointShare * target * (answers + hidden) - (abandons + hidden));
            logThreshold = Math.Clamp(logThreshold, Math.Log(MinThreshold), Math.Log(MaxThreshold));
        }
        last = budget;

        var charged = HiddenAbandons(budget.LiveAnswers, settings);
        BudgetLeft = target * (budget.LiveAnswers + charged) - (budget.Abandons + charged);
        if (BudgetLeft <= 0) return null;
        return Threshold * Math.Min(1, BudgetLeft / Cushion);
    }

    // People hung up on by AMD look like machine verdicts; expect rate/(1-rate) of them per live person.
    static double HiddenAbandons(int liveAnswers, PacingSettings settings)
    {
        var rate = Math.Clamp(settings.AmdFalsePositiveRate, 0, 0.5);
        return liveAnswers * rate / (1 - rate);
    }
}

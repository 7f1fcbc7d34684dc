using Dialer.Core.Campaigns;

namespace Dialer.Core.Dialing;

/// <summary>When a contact is tried again after an attempt ends, by the campaign's rule for that outcome.</summary>
public static class RetryPolicy
{
    /// <param name="outcome">the attempt's final outcome (busy, no-answer, failed, completed...)</param>
    /// <param name="answeredByMachine">the call was answered by a machine (its own rule)</param>
    /// <param name="attemptsSoFar">attempts on this contact including this one</param>
    /// <param name="retriesOfThisKindSoFar">earlier attempts of the contact that ended the same way</param>
    /// <returns>the time of the next attempt, or null when the contact is done</returns>
    public static DateTimeOffset? NextAttemptAt(CampaignSettings settings, string outcome, bool answeredByMachine,
        int attemptsSoFar, int retriesOfThisKindSoFar, DateTimeOffset now)
    {
        if (attemptsSoFar >= settings.MaxAttempts) return null;
        var rule = RuleFor(settings.RetryRules, outcome, answeredByMachine);
        if (rule is null || retriesOfThisKindSoFar >= rule.MaxRetries) return null;
        return now.AddMinutes(rule.DelayMinutes);
    }

    static RetryRule? RuleFor(RetryRules rules, string outcome, bool machine) => (outcome, machine) switch
    {
        (_, true) => rules.Machine,
        ("busy", _) => rules.Busy,
        ("no-answer", _) => rules.NoAnswer,
        ("failed" or "not-placed", _) => rules.Failed,
        _ => null, // a person answered, or the number is invalid: no automatic retry
    };
}

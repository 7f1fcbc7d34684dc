using Dialer.Core.Campaigns;

namespace Dialer.Core.Dialing;

/// <summary>What the retry rules know when an attempt ends or is dispositioned.</summary>
public sealed record RetryCase
{
    public required AttemptEnd End { get; init; }
    /// <summary>The agent's disposition of this attempt, if chosen yet.</summary>
    public string? Disposition { get; init; }
    /// <summary>The agent's callback time, if one is set.</summary>
    public DateTimeOffset? CallbackAt { get; init; }
    /// <summary>Attempts on this contact including this one.</summary>
    public int AttemptsSoFar { get; init; }
    /// <summary>Earlier attempts of the contact that ended the same way (<see cref="AttemptEnd"/>).</summary>
    public int SameEndBefore { get; init; }
    /// <summary>Earlier attempts of the contact the agent gave the same disposition.</summary>
    public int SameDispositionBefore { get; init; }
    /// <summary>The longest abandoned-call lockout of the jurisdictions that bind the contact (zero: none).</summary>
    public TimeSpan JurisdictionLockout { get; init; }
    public required DateTimeOffset Now { get; init; }
}

/// <param name="At">when the contact is tried again; null when it is done</param>
/// <param name="IsCallback">the agent's callback, honoured</param>
public readonly record struct RetryDecision(DateTimeOffset? At, bool IsCallback)
{
    public static readonly RetryDecision Done = new(null, false);
}

/// <summary>
/// When a contact is tried again after an attempt ends, by the campaign's rules: an agent's callback first (one
/// attempt beyond maxAttempts for it, not more), then the disposition's rule, then the end's. Pure: the permit
/// still refuses whatever the claim may not dial.
/// </summary>
public static class RetryPolicy
{
    public static RetryDecision Decide(CampaignSettings settings, RetryCase c)
    {
        var decision = Unfloored(settings, c);
        if (c.End != AttemptEnd.Abandoned || decision.At is not { } at) return decision;
        var lockoutEnds = c.Now + AbandonedLockout(settings, c.JurisdictionLockout);
        return decision with { At = at > lockoutEnds ? at : lockoutEnds };
    }

    /// <summary>The campaign's lockout after an abandoned call, or the jurisdictions' when theirs is longer.</summary>
    public static TimeSpan AbandonedLockout(CampaignSettings settings, TimeSpan jurisdictionLockout)
    {
        var campaign = TimeSpan.FromHours(settings.RetryRules.Abandoned.LockoutHours);
        return campaign > jurisdictionLockout ? campaign : jurisdictionLockout;
    }

    static RetryDecision Unfloored(CampaignSettings settings, RetryCase c)
    {
        if (c.CallbackAt is { } callback && callback > c.Now)
            return c.AttemptsSoFar <= settings.MaxAttempts ? new(callback, true) : RetryDecision.Done;
        if (c.AttemptsSoFar >= settings.MaxAttempts) return RetryDecision.Done;
        if (DispositionRule.For(settings.DispositionRules, c.Disposition) is { } byDisposition)
            return byDisposition.Retry == DispositionRetry.After && c.SameDispositionBefore < byDisposition.MaxRetries
                ? new(c.Now.AddMinutes(byDisposition.DelayMinutes), false)
                : RetryDecision.Done;
        var rules = settings.RetryRules;
        var (delay, maxRetries) = c.End switch
        {
            AttemptEnd.Busy => (TimeSpan.FromMinutes(rules.Busy.DelayMinutes), rules.Busy.MaxRetries),
            AttemptEnd.NoAnswer => (TimeSpan.FromMinutes(rules.NoAnswer.DelayMinutes), rules.NoAnswer.MaxRetries),
            AttemptEnd.Machine => (TimeSpan.FromMinutes(rules.Machine.DelayMinutes), rules.Machine.MaxRetries),
            AttemptEnd.Failed => (TimeSpan.FromMinutes(rules.Failed.DelayMinutes), rules.Failed.MaxRetries),
            AttemptEnd.Abandoned => (TimeSpan.Zero, rules.Abandoned.MaxRetries), // the lockout sets the time
            AttemptEnd.GreetingHangUp =>
                (TimeSpan.FromMinutes(rules.GreetingHangUp.DelayMinutes), rules.GreetingHangUp.MaxRetries),
            _ => (TimeSpan.Zero, 0), // a person was reached, or the number is invalid: no automatic retry
        };
        return c.SameEndBefore < maxRetries ? new(c.Now + delay, false) : RetryDecision.Done;
    }
}

using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Dialing;

namespace Dialer.Core.Contacts;

public static class ContactOutcome
{
    /// <summary>Records how the attempt ended and when, if ever, the contact is tried again.</summary>
    /// <param name="sameEndBefore">earlier attempts of the contact that ended the same way
    /// (<see cref="AttemptEnds"/>)</param>
    /// <param name="sameDispositionBefore">earlier attempts of the contact with this attempt's disposition</param>
    public static void Record(this Contact contact, CallAttempt attempt, CampaignSettings settings,
        int sameEndBefore, DateTimeOffset now, DialLead lead, int sameDispositionBefore = 0)
    {
        if (attempt.State == AttemptState.Skipped)
        {
            contact.NotDialed(attempt, settings, now, lead);
            return;
        }
        contact.LastOutcome = attempt.Outcome;
        contact.LastAttemptAt = attempt.DialedAt ?? now;
        if (contact.Status == ContactStatus.Suppressed) return;
        if (attempt.Outcome == TwilioRefusals.AccountRefused)
        {
            // Twilio refused the account, not this number: the contact gets its attempt back, due when dialing resumes
            contact.Attempts = Math.Max(0, contact.Attempts - 1);
            contact.Status = ContactStatus.Pending;
            contact.NextAttemptAt = now;
            return;
        }
        if (Dispositions.IsWrongNumber(attempt.Disposition)) return; // the agent closed it during the call
        contact.Apply(RetryPolicy.Decide(settings,
            contact.RetryCase(attempt, settings, sameEndBefore, sameDispositionBefore, now)));
    }

    /// <summary>What the retry rules need to know of this contact after <paramref name="attempt"/>.</summary>
    public static RetryCase RetryCase(this Contact contact, CallAttempt attempt, CampaignSettings settings,
        int sameEndBefore, int sameDispositionBefore, DateTimeOffset now)
    {
        var end = AttemptEnds.Of(attempt, settings.Mode);
        return new RetryCase
        {
            End = end,
            Disposition = attempt.Disposition,
            // an agent's callback (chosen during the call, or now) wins over the retry rules
            CallbackAt = contact.Priority == DialPriority.Callback ? contact.CallbackAt : null,
            AttemptsSoFar = contact.Attempts,
            SameEndBefore = sameEndBefore,
            SameDispositionBefore = sameDispositionBefore,
            JurisdictionLockout = end == AttemptEnd.Abandoned
                ? DialPermit.RulesFor(settings, contact).AbandonedLockout?.Lockout ?? TimeSpan.Zero
                : TimeSpan.Zero,
            Now = now,
        };
    }

    public static void Apply(this Contact contact, RetryDecision decision)
    {
        contact.Status = decision.At is null ? ContactStatus.Done : ContactStatus.Pending;
        contact.NextAttemptAt = decision.At;
        contact.Priority = decision.IsCallback ? DialPriority.Callback : DialPriority.Retry;
    }

    /// <summary>How many of <paramref name="earlier"/> (the contact's other attempts that reached the dial) ended as
    /// <paramref name="attempt"/> did, and were given its disposition, on the number it is dialed on now: the
    /// attempts on its earlier numbers carry their number's hash (<see cref="ContactNextNumber"/>).</summary>
    public static (int SameEnd, int SameDisposition) SameBefore(CallAttempt attempt,
        IEnumerable<CallAttempt> earlier, CampaignSettings settings)
    {
        var end = AttemptEnds.Of(attempt, settings.Mode);
        var others = earlier
            .Where(a => a.Id != attempt.Id && a.State != AttemptState.Skipped && a.PhoneHash is null).ToList();
        return (others.Count(a => AttemptEnds.Of(a, settings.Mode) == end),
            attempt.Disposition is null ? 0
                : others.Count(a => string.Equals(a.Disposition, attempt.Disposition,
                    StringComparison.OrdinalIgnoreCase)));
    }
}

using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;

namespace Dialer.Core.Contacts;

public static class ContactOutcome
{
    /// <summary>Records how the attempt ended and when, if ever, the contact is tried again.</summary>
    public static void Record(this Contact contact, CallAttempt attempt, CampaignSettings settings,
        int retriesOfThisKindSoFar, DateTimeOffset now, DialLead lead)
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
        // the agent already chose a callback during the call: it wins over the retry rules
        if (contact.Priority == DialPriority.Callback && contact.CallbackAt > now) return;

        var next = RetryPolicy.NextAttemptAt(settings, attempt.Outcome ?? "failed",
            MachineVerdict.Is(attempt.AnsweredBy), contact.Attempts, retriesOfThisKindSoFar, now);
        contact.Status = next is null ? ContactStatus.Done : ContactStatus.Pending;
        contact.NextAttemptAt = next;
        contact.Priority = DialPriority.Retry;
    }
}

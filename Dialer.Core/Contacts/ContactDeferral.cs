using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Dialing;

namespace Dialer.Core.Contacts;

/// <summary>
/// Where a contact goes when the permit refuses it, at the claim or at the dial: out of the next scans' way until it
/// may be called, or done when it never may. The same refusal is deferred the same way wherever it is met.
/// </summary>
public static class ContactDeferral
{
    /// <param name="lead">the claim's: a contact due again is due when a claim may take it</param>
    public static void Defer(this Contact contact, CampaignSettings settings, string refusal, DateTimeOffset now,
        DialLead lead)
    {
        switch (refusal)
        {
            case DialPermit.DoNotCall:
                contact.Status = ContactStatus.Suppressed;
                break;
            // done until a consent is recorded, which brings it back (Contact.ConsentRecorded)
            case DialPermit.NoConsent:
            case DialPermit.AttemptsExhausted:
            case DialPermit.NationalRegistry:
                contact.Status = ContactStatus.Done;
                contact.LastOutcome = refusal;
                break;
            case DialPermit.OutsideHours when CallingHours.NextOpening(settings.CallingWindow, contact.TimeZones,
                DialPermit.RulesFor(settings, contact), now, lead.AtClaim) is { } at:
                contact.NextAttemptAt = at;
                break;
            case DialPermit.OutsideHours:
                // no zone known, or no hour that fits every zone it may be in: never lawful to call
                contact.Status = ContactStatus.Done;
                contact.LastOutcome = contact.TimeZones.Length == 0 ? "zone-unknown" : "no-common-calling-hours";
                break;
            case DialPermit.CampaignNotRunning or DialPermit.CampaignEnding or CallAttempt.NotSent
                or CallerIds.CallerIdChoice.NoneAvailable:
                break; // no fault of the contact's: it keeps its place for when the dial can go
            case ContactClaimer.OutsideDialFilter:
                contact.Status = ContactStatus.Filtered; // until the campaign's dial filter admits it
                break;
            case DialPermit.DialingElsewhere:
                contact.NextAttemptAt = now.AddMinutes(1); // that call will soon be over
                break;
            default:
                contact.NextAttemptAt = now.AddHours(1);
                break;
        }
    }

    /// <summary>
    /// Its attempt ended before the call was placed (refused at the dial, or never sent): the attempt the claim counted
    /// never reached the customer, so it is given back, and the contact is deferred as the claim defers that refusal.
    /// </summary>
    public static void NotDialed(this Contact contact, CallAttempt attempt, CampaignSettings settings,
        DateTimeOffset now, DialLead lead)
    {
        contact.Attempts = Math.Max(0, contact.Attempts - 1);
        if (contact.Status == ContactStatus.Dialing) contact.Status = ContactStatus.Pending;
        contact.Defer(settings, attempt.Outcome ?? "", now, lead);
    }
}

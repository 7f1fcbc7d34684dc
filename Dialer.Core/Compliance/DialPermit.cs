using Dialer.Core.Campaigns;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;

namespace Dialer.Core.Compliance;

/// <summary>
/// The one place that decides whether a contact may be dialed: when the pacer claims it, and again as the
/// worker's request leaves. Every rule that protects a customer is here: the campaign's own, and those of every
/// jurisdiction the contact's number and list place them in (<see cref="ApplicableRules"/>), which the campaign's
/// window can only narrow. A call permitted now may ring for a while (<see cref="DialLead"/>): the window must stay
/// open, and the campaign not end, until it would stop ringing.
/// </summary>
public static class DialPermit
{
    public const string DoNotCall = "do-not-call";
    public const string OutsideHours = "outside-calling-hours";
    public const string AttemptsExhausted = "attempts-exhausted";
    /// <summary>The contact has had the campaign's maxAttemptsPer24Hours in the last 24 hours (a rolling
    /// window).</summary>
    public const string Cap24HoursReached = "24-hour-attempt-cap";
    public const string CampaignNotRunning = "campaign-not-running";
    /// <summary>The campaign's end time comes before the call could stop ringing.</summary>
    public const string CampaignEnding = "campaign-end-time";
    /// <summary>A jurisdiction's calls per person in 24 hours, counted by number across every campaign.</summary>
    public const string PersonCapReached = "person-24-hour-cap";
    /// <summary>A jurisdiction's wait after an abandoned call to the number (any campaign's) has not passed.</summary>
    public const string AbandonedLockout = "abandoned-call-lockout";
    /// <summary>A jurisdiction or the campaign needs prior consent of the campaign's kind, and the contact holds none
    /// valid (never given, or withdrawn).</summary>
    public const string NoConsent = "no-consent";
    /// <summary>Another campaign is calling the same number now.</summary>
    public const string DialingElsewhere = "dialing-in-another-campaign";
    /// <summary>The number is on a registry copy (national, or a state's) binding one of the contact's jurisdictions.
    /// </summary>
    public const string NationalRegistry = "national-registry";
    /// <summary>A registry copy binding one of the contact's jurisdictions is older than that jurisdiction allows:
    /// its dials stop until a fresh copy is uploaded.</summary>
    public const string RegistryOutOfDate = "registry-out-of-date";

    /// <summary>At claim time: every rule, attempts included (the claim is what counts an attempt).</summary>
    /// <param name="consents">the kinds of consent the contact holds now (<see cref="ConsentsHeld"/>)</param>
    /// <param name="attemptsLast24Hours">the contact's <see cref="Figures.AttemptsLast24Hours"/></param>
    public static string? AtClaim(Campaign campaign, Contact contact, bool onDoNotCall, ConsentKinds consents,
        int attemptsLast24Hours, DateTimeOffset now, DialLead lead, RegistryCheck registries = default) =>
        ExplainAtClaim(campaign, contact, onDoNotCall, consents, attemptsLast24Hours, PersonHistory.None, now, lead,
            registries)?.Code;

    /// <inheritdoc cref="AtClaim(Campaign, Contact, bool, ConsentKinds, int, DateTimeOffset, DialLead,
    /// RegistryCheck)"/>
    /// <param name="person">the number's calls across every campaign</param>
    public static string? AtClaim(Campaign campaign, Contact contact, bool onDoNotCall, ConsentKinds consents,
        int attemptsLast24Hours, PersonHistory person, DateTimeOffset now, DialLead lead,
        RegistryCheck registries = default) =>
        ExplainAtClaim(campaign, contact, onDoNotCall, consents, attemptsLast24Hours, person, now, lead, registries)
            ?.Code;

    /// <summary>As <see cref="AtClaim(Campaign, Contact, bool, ConsentKinds, int, PersonHistory, DateTimeOffset,
    /// DialLead, RegistryCheck)"/>, naming the rule and jurisdiction that refused.</summary>
    /// <param name="registries">the registry copies binding the campaign's team, and which hold the number</param>
    public static PermitRefusal? ExplainAtClaim(Campaign campaign, Contact contact, bool onDoNotCall,
        ConsentKinds consents, int attemptsLast24Hours, PersonHistory person, DateTimeOffset now, DialLead lead,
        RegistryCheck registries = default)
    {
        var rules = RulesFor(campaign.Settings, contact);
        if (Protects(campaign, contact, rules, onDoNotCall, consents, registries, now, lead.AtClaim) is { } refusal)
            return refusal;
        if (contact.Attempts >= AttemptCap(campaign.Settings, contact)) return new(AttemptsExhausted);
        if (attemptsLast24Hours >= campaign.Settings.MaxAttemptsPer24Hours) return new(Cap24HoursReached);
        if (person.DialingElsewhere) return new(DialingElsewhere);
        if (rules.AbandonedLockout is { } lockout && person.LastAbandonedAt is { } abandoned
            && now < abandoned + lockout.Lockout)
            return new(AbandonedLockout,
                $"{lockout.Rule.Label} {lockout.Lockout.TotalHours:0} h after an abandoned call");
        if (rules.PersonCap is { } cap && person.CallsLast24Hours >= cap.Calls)
            return new(PersonCapReached, $"{cap.Rule.Label} {cap.Calls} calls per person in 24 h");
        return null;
    }

    /// <summary>
    /// The campaign's maxAttempts, and one more for an agent's callback: a customer who asked to be called back on
    /// their last attempt is called back, once.
    /// </summary>
    public static int AttemptCap(CampaignSettings settings, Contact contact) =>
        settings.MaxAttempts + (contact is { Priority: DialPriority.Callback, CallbackAt: not null } ? 1 : 0);

    /// <summary>As the request leaves: the list, the campaign or the clock may have changed since the claim.</summary>
    public static string? BeforeDial(Campaign campaign, Contact contact, bool onDoNotCall, ConsentKinds consents,
        DateTimeOffset now, DialLead lead, RegistryCheck registries = default) =>
        Protects(campaign, contact, RulesFor(campaign.Settings, contact), onDoNotCall, consents, registries, now,
            lead.AtDial)?.Code;

    /// <summary>The rule sets that bind this contact in this campaign: its number's place's and its list's, and the
    /// campaign's own for them; looked up, not built.</summary>
    public static ApplicableRules RulesFor(CampaignSettings settings, Contact contact) =>
        CampaignRules.Of(settings).For(ApplicableRules.For(contact.Phone, contact.StatedJurisdiction));

    /// <summary>The rules that protect the customer, for a call that may ring <paramref name="ringsFor"/>.</summary>
    static PermitRefusal? Protects(Campaign campaign, Contact contact, ApplicableRules rules, bool onDoNotCall,
        ConsentKinds consents, RegistryCheck registries, DateTimeOffset now, TimeSpan ringsFor)
    {
        if (onDoNotCall || contact.Status == ContactStatus.Suppressed) return new(DoNotCall);
        if (campaign.Status != CampaignStatus.Running) return new(CampaignNotRunning);
        if (campaign.Settings.EndAt is { } end && now + ringsFor > end) return new(CampaignEnding);
        if (registries.Refusal(rules) is { } registry) return registry;
        if (ConsentRequirement.For(campaign.Settings, rules) is { } needed && (consents & needed.Kind) == 0)
            return new(NoConsent, $"{needed.Rule} ({ConsentKind.Name(needed.Kind)})");
        if (CallingHours.ClosedThrough(campaign.Settings.CallingWindow, contact.TimeZones, rules, now, ringsFor)
            is { } closed)
            return new(OutsideHours, closed);
        return null;
    }
}

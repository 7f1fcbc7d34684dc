using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;

namespace Dialer.Core.Compliance;

/// <summary>
/// The one place that decides whether a contact may be dialed: when the pacer claims it, and again as the
/// worker's request leaves. Every rule that protects a customer is here. A call permitted now may ring for a while
/// (<see cref="DialLead"/>): the window must stay open, and the campaign not end, until it would stop ringing.
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

    /// <summary>At claim time: every rule, attempts included (the claim is what counts an attempt).</summary>
    /// <param name="attemptsLast24Hours">the contact's <see cref="Figures.AttemptsLast24Hours"/></param>
    public static string? AtClaim(Campaign campaign, Contact contact, bool onDoNotCall, int attemptsLast24Hours,
        DateTimeOffset now, DialLead lead)
    {
        if (Protects(campaign, contact, onDoNotCall, now, lead.AtClaim) is { } refusal) return refusal;
        if (contact.Attempts >= campaign.Settings.MaxAttempts) return AttemptsExhausted;
        if (attemptsLast24Hours >= campaign.Settings.MaxAttemptsPer24Hours) return Cap24HoursReached;
        return null;
    }

    /// <summary>As the request leaves: the list, the campaign or the clock may have changed since the claim.</summary>
    public static string? BeforeDial(Campaign campaign, Contact contact, bool onDoNotCall, DateTimeOffset now,
        DialLead lead) => Protects(campaign, contact, onDoNotCall, now, lead.AtDial);

    /// <summary>The rules that protect the customer, for a call that may ring <paramref name="ringsFor"/>.</summary>
    static string? Protects(Campaign campaign, Contact contact, bool onDoNotCall, DateTimeOffset now, TimeSpan ringsFor)
    {
        var window = campaign.Settings.CallingWindow;
        if (onDoNotCall || contact.Status == ContactStatus.Suppressed) return DoNotCall;
        if (campaign.Status != CampaignStatus.Running) return CampaignNotRunning;
        if (campaign.Settings.EndAt is { } end && now + ringsFor > end) return CampaignEnding;
        if (!CallingHours.IsOpenThrough(window, contact.TimeZones, now, ringsFor)) return OutsideHours;
        return null;
    }
}

using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;

namespace Dialer.Core.Compliance;

/// <summary>
/// The one place that decides whether a contact may be dialed: when the pacer claims it, and again
/// just before the worker dials. Every rule that protects a customer is here.
/// </summary>
public static class DialPermit
{
    public const string DoNotCall = "do-not-call";
    public const string OutsideHours = "outside-calling-hours";
    public const string AttemptsExhausted = "attempts-exhausted";
    public const string DailyCapReached = "daily-attempt-cap";
    public const string CampaignNotRunning = "campaign-not-running";

    /// <summary>At claim time: every rule, attempts included (the claim is what counts an attempt).</summary>
    public static string? AtClaim(Campaign campaign, Contact contact, bool onDoNotCall, int attemptsToday, DateTimeOffset now)
    {
        if (BeforeDial(campaign, contact, onDoNotCall, now) is { } refusal) return refusal;
        if (contact.Attempts >= campaign.Settings.MaxAttempts) return AttemptsExhausted;
        if (attemptsToday >= campaign.Settings.MaxAttemptsPerDay) return DailyCapReached;
        return null;
    }

    /// <summary>Just before the dial: the list or the clock may have changed since the claim.</summary>
    public static string? BeforeDial(Campaign campaign, Contact contact, bool onDoNotCall, DateTimeOffset now)
    {
        if (onDoNotCall || contact.Status == ContactStatus.Suppressed) return DoNotCall;
        if (campaign.Status != CampaignStatus.Running) return CampaignNotRunning;
        if (!CallingHours.IsOpen(campaign.Settings.CallingWindow, contact.TimeZones, now)) return OutsideHours;
        return null;
    }
}

using Dialer.Core.Campaigns;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Pacing;

namespace Dialer.Core.Compliance.Consents;

/// <summary>
/// Whether a call of this campaign to this contact needs prior consent, of which kind, and which rule says so: a
/// jurisdiction's (named first: the law binds whatever the campaign says) or the campaign's own requiresConsent.
/// </summary>
public static class ConsentRequirement
{
    /// <summary>An agentless campaign's calls are prerecorded; any other's are made by a person.</summary>
    public static ConsentKinds KindFor(CampaignSettings settings) =>
        settings.Mode == DialingMode.Agentless ? ConsentKinds.Prerecorded : ConsentKinds.MarketingCalls;

    /// <returns>the kind needed and the rule that needs it ("ES prior consent for every call"), or null</returns>
    public static (ConsentKinds Kind, string Rule)? For(CampaignSettings settings, ApplicableRules rules)
    {
        var kind = KindFor(settings);
        if (rules.ConsentForEveryCall is { } all) return (kind, $"{all.Label} prior consent for every call");
        if (kind == ConsentKinds.Prerecorded && rules.ConsentForRecorded is { } recorded)
            return (kind, $"{recorded.Label} prior consent for prerecorded calls");
        if (settings.RequiresConsent) return (kind, "campaign requiresConsent");
        return null;
    }
}

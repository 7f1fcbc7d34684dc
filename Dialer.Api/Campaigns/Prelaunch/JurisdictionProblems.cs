using Dialer.Core.Campaigns;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Rules;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>
/// What the jurisdictions of a campaign's contacts ask of the campaign itself, where its settings allow more: an
/// abandon target above their cap or measured over a longer window (the pacer keeps the campaign's own), and prior
/// consent (enforced by the permit: said here so the marketer knows why contacts without it are never called). Each
/// problem names the jurisdiction and its source.
/// </summary>
public static class JurisdictionProblems
{
    public static IEnumerable<string> Of(CampaignSettings settings, IEnumerable<ApplicableRules> contacts)
    {
        var rules = contacts.SelectMany(c => c.Rules).DistinctBy(r => r.Code)
            .OrderBy(r => r.Code, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.File.Abandon is { } cap
                && (settings.AbandonTarget > cap.Cap || settings.AbandonWindowHours > cap.WindowHours))
                yield return $"{rule.Code} ({rule.Name}): abandoned calls at most {cap.Cap:0.#%} per " +
                    $"{cap.WindowHours} h ({cap.Source}); this campaign allows {settings.AbandonTarget:0.#%} over " +
                    $"{settings.AbandonWindowHours} h. Set abandonTarget to at most {cap.Cap} and abandonWindowHours " +
                    $"to {Math.Min(24, cap.WindowHours)}.";
            if (rule.File.Consent is { Required: ConsentScope.All } consent)
                yield return $"{rule.Code} ({rule.Name}): prior consent for every call ({consent.Source}). Only its " +
                    $"contacts holding a valid {Kind(settings)} consent are dialed.";
            if (rule.File.Consent is { Required: ConsentScope.Prerecorded } recorded
                && settings.Mode == Core.Pacing.DialingMode.Agentless)
                yield return $"{rule.Code} ({rule.Name}): prior consent for a recorded message ({recorded.Source}); " +
                    $"this campaign is agentless: only its contacts holding a valid {Kind(settings)} consent are " +
                    "dialed.";
        }
    }

    static string Kind(CampaignSettings settings) => ConsentKind.Name(ConsentRequirement.KindFor(settings));
}

using System.Collections.Concurrent;

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// Every rule set that binds one contact: every number's, those of the place its number belongs to and of the place
/// its list states. All must allow a call (every window open, the smallest cap, the longest lockout). Built once per
/// combination of places and kept: the claim looks it up, it does not build it.
/// </summary>
public sealed class ApplicableRules
{
    static readonly ConcurrentDictionary<(NumberPlace, string?), ApplicableRules> Cache = new();

    public JurisdictionRules[] Rules { get; }
    /// <summary>Every jurisdiction the contact is in, shipped rules or not ("US", "US-NY"): where a campaign's own
    /// <see cref="Tightening"/> applies.</summary>
    public string[] Jurisdictions { get; }
    /// <summary>The jurisdictions, "US, US-FL" (the default rule set left out).</summary>
    public string Codes { get; }
    /// <summary>
    /// The smallest calls-per-person cap over <see cref="RuleSetCheck.PersonCapPeriodHours"/>, and whose.
    /// </summary>
    public (int Calls, JurisdictionRules Rule)? PersonCap { get; }
    /// <summary>The longest lockout after an abandoned call, and whose.</summary>
    public (TimeSpan Lockout, JurisdictionRules Rule)? AbandonedLockout { get; }
    /// <summary>The first rule set that needs prior consent for every call, if any.</summary>
    public JurisdictionRules? ConsentForEveryCall { get; }
    /// <summary>The first that needs it for prerecorded (agentless) calls, every call's included.</summary>
    public JurisdictionRules? ConsentForRecorded { get; }

    ApplicableRules(IEnumerable<JurisdictionRules> rules, IEnumerable<string>? jurisdictions = null)
    {
        Rules = [.. rules.DistinctBy(r => r)];
        Jurisdictions = [.. (jurisdictions ?? []).SelectMany(j => new[] { j.Split('-')[0], j }).Distinct()];
        Codes = string.Join(", ", Rules.Where(r => r.Code != RuleBook.Default).Select(r => r.Code));
        PersonCap = Rules.Where(r => r.File.CallsPerPerson is not null)
            .Select(r => ((int, JurisdictionRules)?)(r.File.CallsPerPerson!.Calls, r)).MinBy(c => c!.Value.Item1);
        AbandonedLockout = Rules.Where(r => r.File.AbandonedLockout is not null)
            .Select(r => ((TimeSpan, JurisdictionRules)?)(TimeSpan.FromHours(r.File.AbandonedLockout!.Hours), r))
            .MaxBy(l => l!.Value.Item1);
        ConsentForEveryCall = Rules.FirstOrDefault(r => r.File.Consent?.Required == ConsentScope.All);
        ConsentForRecorded = Rules.FirstOrDefault(r => r.File.Consent?.Required == ConsentScope.Prerecorded)
            ?? ConsentForEveryCall;
    }

    /// <summary>The rules of every number, wherever it is: what binds when nothing else is known.</summary>
    public static ApplicableRules Baseline { get; } = new([RuleBook.Shipped.Baseline]);

    /// <param name="phone">E.164</param>
    /// <param name="stated">the jurisdiction the list states ("US-FL", "ES"), or null</param>
    public static ApplicableRules For(string phone, string? stated) =>
        Cache.GetOrAdd((NumberPlaces.Of(phone), stated), static key => Build(key.Item1, key.Item2));

    static ApplicableRules Build(NumberPlace place, string? stated)
    {
        var book = RuleBook.Shipped;
        var codes = stated is null ? place.Jurisdictions : [.. place.Jurisdictions, stated];
        return new ApplicableRules([book.Baseline, .. codes.SelectMany(book.Chain)], codes);
    }

    /// <summary>These rules and a campaign's own for the contact's jurisdictions, which bind after (so refusals name
    /// them first); the same instance when none applies.</summary>
    public ApplicableRules With(IReadOnlyList<JurisdictionRules> campaignRules)
    {
        var own = campaignRules.Where(r => Array.IndexOf(Jurisdictions, r.Code) >= 0).ToList();
        return own.Count == 0 ? this : new ApplicableRules([.. Rules, .. own], Jurisdictions);
    }

    /// <summary>Why this local moment is closed to calls ("ES Mon-Fri 09:00-21:00", "ES public holiday"); null: open.
    /// The most particular rule set is asked first, so a refusal names the place's own rule before the floor.</summary>
    public string? ClosedAt(DateTime local)
    {
        for (var i = Rules.Length - 1; i >= 0; i--)
        {
            var rule = Rules[i];
            if (!rule.IsOpen(local)) return rule.HoursText;
            if (rule.IsHoliday(local)) return $"{rule.Label} public holiday";
        }
        return null;
    }

    public override string ToString() => Codes;
}

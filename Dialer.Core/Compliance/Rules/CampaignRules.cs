using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Dialer.Core.Campaigns;

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// A campaign's <see cref="Tightening"/>s compiled once per settings instance, and the rules of each combination of
/// places with them, kept: the claim loop asks for a contact's rules many times a second.
/// </summary>
public sealed class CampaignRules
{
    static readonly ConditionalWeakTable<CampaignSettings, CampaignRules> BySettings = new();
    readonly JurisdictionRules[] _own;
    readonly ConcurrentDictionary<ApplicableRules, ApplicableRules> _joined = new(ReferenceEqualityComparer.Instance);

    CampaignRules(CampaignSettings settings) =>
        _own = [.. (settings.Tightenings ?? [])
            .Select(t => new JurisdictionRules(t.ToRuleSet(settings.Name), $"campaign {t.Jurisdiction}"))];

    public static CampaignRules Of(CampaignSettings settings) =>
        BySettings.GetValue(settings, s => new CampaignRules(s));

    public ApplicableRules For(ApplicableRules shipped) =>
        _own.Length == 0 ? shipped : _joined.GetOrAdd(shipped, s => s.With(_own));
}

using Dialer.Core.Compliance.Registries;
using Dialer.Core.Compliance.Rules;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>
/// What the national registries say of a campaign's contacts before it launches: a binding copy older than its
/// jurisdiction allows (its contacts are refused until a fresh copy is uploaded), and a jurisdiction with a registry
/// rule for which no copy is uploaded (the engine cannot screen against a registry it does not hold).
/// </summary>
public static class RegistryProblems
{
    public static IEnumerable<string> Of(RegistryCopies copies, IEnumerable<ApplicableRules> contacts)
    {
        var jurisdictions = contacts.SelectMany(c => c.Jurisdictions).ToHashSet();
        foreach (var copy in copies.All.Where(c => c.Stale && jurisdictions.Contains(c.Jurisdiction)))
            yield return $"{copy.StaleText}: its contacts are not dialed until a fresh copy is uploaded.";
        var held = copies.All.Select(c => c.Jurisdiction).ToHashSet();
        foreach (var code in jurisdictions.Where(j => !held.Contains(j)).Order(StringComparer.Ordinal))
            if (RuleBook.Shipped.Find(code)?.File.Registry is { } rule)
                yield return $"{code}: no copy of its do-not-call registry is uploaded ({rule.Source}); " +
                    "upload one to /api/registry-lists to screen its contacts.";
    }
}

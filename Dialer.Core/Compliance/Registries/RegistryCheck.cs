using Dialer.Core.Compliance.Rules;

namespace Dialer.Core.Compliance.Registries;

/// <summary>
/// What <see cref="DialPermit"/> is told of the do-not-call registries (national, or a US state's or Canadian
/// province's): the copies that bind the campaign's team and the ids of those holding the contact's number. A copy
/// binds a contact when its jurisdiction ("ES", "US-FL") is one the contact is in
/// (<see cref="ApplicableRules.Jurisdictions"/>: by its number's place, the area code's state included, or its list's).
/// </summary>
public readonly record struct RegistryCheck(RegistryCopies? Copies, Guid[]? Listed)
{
    public static RegistryCheck None => default;

    /// <summary>The number is on a binding copy (that copy named); else a binding copy is older than its
    /// jurisdiction allows (fail closed: the copy can no longer be trusted to hold everyone who asked).</summary>
    public PermitRefusal? Refusal(ApplicableRules rules)
    {
        if (Copies is not { All.Count: > 0 } copies) return null;
        if (Listed is { Length: > 0 } listed)
            foreach (var copy in copies.All)
                if (Array.IndexOf(listed, copy.Id) >= 0 && Binds(copy, rules))
                    return new(DialPermit.NationalRegistry, copy.Label);
        foreach (var copy in copies.All)
            if (copy.Stale && Binds(copy, rules)) return new(DialPermit.RegistryOutOfDate, copy.StaleText);
        return null;
    }

    static bool Binds(RegistryCopy copy, ApplicableRules rules) =>
        Array.IndexOf(rules.Jurisdictions, copy.Jurisdiction) >= 0;
}

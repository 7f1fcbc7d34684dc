using System.Collections.Frozen;

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// Reads a list's state, province or country column into a jurisdiction code: "FL", "Florida" → US-FL; "Ontario" →
/// CA-ON; "ES", "Spain"... countries by ISO code. US states and Canadian provinces from Data/subdivisions.csv.
/// </summary>
public static class Subdivisions
{
    static readonly FrozenDictionary<string, string> ByCodeOrName = Load();
    static readonly FrozenSet<string> Codes = ByCodeOrName.Values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A US state or Canadian province, by code or English name; null when not one.</summary>
    public static string? StateOrProvince(string text) => ByCodeOrName.GetValueOrDefault(text.Trim());

    /// <summary>A US state's or Canadian province's ISO 3166-2 code ("US-FL", "CA-ON"), case aside.</summary>
    public static bool IsSubdivision(string code) => Codes.Contains(code);

    /// <summary>
    /// The jurisdiction a list states: the state column first (it says more), else the country column.
    /// </summary>
    /// <returns>false when a column is given and not understood</returns>
    public static bool TryStated(string state, string country, out string? jurisdiction)
    {
        jurisdiction = null;
        if (state.Length > 0)
            return (jurisdiction = StateOrProvince(state)) is not null;
        if (country.Length == 0) return true;
        var code = country.Trim().ToUpperInvariant();
        if (code is "UK") code = "GB";
        if (!Contacts.Phones.IsKnownRegion(code)) return false;
        jurisdiction = code;
        return true;
    }

    static FrozenDictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in RuleBook.ShippedText("subdivisions.csv").Split('\n'))
        {
            var f = line.Trim().Split(',');
            if (f.Length != 3 || f[0] == "country" || f[0].StartsWith('#')) continue;
            map[f[1]] = map[f[2]] = $"{f[0]}-{f[1]}";
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

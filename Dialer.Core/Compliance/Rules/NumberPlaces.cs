using PhoneNumbers;

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// Where a number's rules come from: its country and, in North America, its area code's state or province.
/// </summary>
/// <param name="Jurisdictions">the country, then each subdivision the area code may be in ("CA", "CA-NS",
/// "CA-PE")</param>
public sealed record NumberPlace(string Region, string[] Jurisdictions);

/// <summary>
/// A number's place read from its E.164 text with two table lookups (the calling code; in NANP the area code) and no
/// allocation: the claim asks it for every candidate. The NANP table is Data/nanp-area-codes.csv.
/// </summary>
public static class NumberPlaces
{
    /// <summary>US territories have their own region codes but are under US federal law.</summary>
    static readonly HashSet<string> UsTerritories = ["PR", "GU", "VI", "AS", "MP"];
    static readonly NumberPlace Unknown = new("ZZ", []);
    static readonly NumberPlace NanpUnplaced = new("US", ["US"]);
    static readonly NumberPlace?[] ByAreaCode = LoadNanp();
    static readonly NumberPlace?[] ByCallingCode = LoadCallingCodes();

    public static NumberPlace Of(string e164)
    {
        if (e164.Length < 3 || e164[0] != '+') return Unknown;
        if (e164[1] == '1')
            return e164.Length >= 5 && Digits(e164, 2, 3) is var area and >= 0 ? ByAreaCode[area] ?? NanpUnplaced
                : NanpUnplaced;
        for (var length = 1; length <= 3 && length + 1 < e164.Length; length++)
            if (Digits(e164, 1, length) is var code and >= 0 && ByCallingCode[code] is { } place) return place;
        return Unknown;
    }

    static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9) return -1;
            value = value * 10 + d;
        }
        return value;
    }

    static NumberPlace?[] LoadNanp()
    {
        var table = new NumberPlace?[1000];
        foreach (var line in RuleBook.ShippedText("nanp-area-codes.csv").Split('\n'))
        {
            var fields = line.Trim().Split(',');
            if (fields.Length != 3 || !int.TryParse(fields[0], out var area)) continue;
            table[area] = Place(fields[1], fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return table;
    }

    static NumberPlace Place(string region, string[] subdivisions)
    {
        if (UsTerritories.Contains(region)) return new("US", ["US", "US-" + region]);
        return new(region, [region, .. subdivisions.Select(s => $"{region}-{s}")]);
    }

    static NumberPlace?[] LoadCallingCodes()
    {
        var util = PhoneNumberUtil.GetInstance();
        var table = new NumberPlace?[1000];
        for (var code = 2; code < 1000; code++)
            if (util.GetRegionCodeForCountryCode(code) is { } region and not "ZZ" and not "001")
                table[code] = Place(region, []);
        return table;
    }
}

using PhoneNumbers;

namespace Dialer.Core.Contacts;

/// <summary>libphonenumber behind the few questions the dialer asks of a number.</summary>
public static class Phones
{
    static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    static readonly PhoneNumberToTimeZonesMapper Zones = PhoneNumberToTimeZonesMapper.GetInstance();
    static readonly HashSet<string> Regions = [.. Util.GetSupportedRegions()];

    public static bool IsKnownRegion(string? region) =>
        region is not null && Regions.Contains(region.ToUpperInvariant());

    /// <summary>True when the text is already a valid number in canonical E.164 form.</summary>
    public static bool IsE164(string? text) =>
        text is { Length: > 2 } && text[0] == '+' && TryNormalize(text, "US", out var e164, out _) && e164 == text;

    /// <summary>
    /// Parses a number as people write it ("+1 (415) 555-0100", "0044 20 7946 0958", "415.555.0100").
    /// </summary>
    public static bool TryNormalize(string raw, string defaultRegion, out string e164, out string reason)
    {
        var number = Parse(raw, defaultRegion, out reason);
        e164 = number is null ? "" : Util.Format(number, PhoneNumberFormat.E164);
        return number is not null;
    }

    /// <summary>As <see cref="TryNormalize"/>, and also every zone the number may be in (one parse for both).</summary>
    /// <remarks>
    /// The number's type is worked out once, for its validity and its zones both (libphonenumber's own validity
    /// check and zone lookup each work it out again: the import's most expensive step, twice).
    /// </remarks>
    public static bool TryNormalize(
        string raw, string defaultRegion, out string e164, out string[] zones, out string reason)
    {
        var typed = Parse(raw, defaultRegion, out reason, typeOnce: true);
        e164 = typed is null ? "" : Util.Format(typed.Value.Number, PhoneNumberFormat.E164);
        zones = typed is not { } t ? [] : ZonesOf(t.Number, t.Type);
        return typed is not null;
    }

    static PhoneNumber? Parse(string raw, string defaultRegion, out string reason) =>
        Parse(raw, defaultRegion, out reason, typeOnce: false)?.Number;

    static (PhoneNumber Number, PhoneNumberType Type)? Parse(string raw, string defaultRegion, out string reason,
        bool typeOnce)
    {
        if (TryParse(raw, defaultRegion, typeOnce, out var number, out var type, out reason)) return (number, type);
        // "00" is the international prefix almost everywhere but North America: "0044 20..." means +44 20...
        var trimmed = raw.TrimStart();
        return trimmed.StartsWith("00", StringComparison.Ordinal)
            && TryParse("+" + trimmed[2..], defaultRegion, typeOnce, out number, out type, out _)
            ? (number, type) : null;
    }

    static bool TryParse(string raw, string defaultRegion, out PhoneNumber number, out string reason) =>
        TryParse(raw, defaultRegion, typeOnce: false, out number, out _, out reason);

    /// <param name="typeOnce">also give the number's type, worked out once for its validity too: a type other than
    /// UNKNOWN is what IsValidNumber checks for; an UNKNOWN one is asked of IsValidNumber itself</param>
    static bool TryParse(string raw, string defaultRegion, bool typeOnce, out PhoneNumber number,
        out PhoneNumberType type, out string reason)
    {
        type = PhoneNumberType.UNKNOWN;
        number = null!;
        var text = raw.Trim();
        if (text.Length == 0) { reason = "the phone number is empty"; return false; }
        if (text.Length > 40) { reason = "the phone number is too long"; return false; }

        try
        {
            number = Util.Parse(text, defaultRegion.ToUpperInvariant());
        }
        catch (NumberParseException e)
        {
            reason = $"'{PhoneRedaction.Mask(text)}' is not a phone number ({Describe(e.ErrorType)})";
            return false;
        }

        if (typeOnce) type = Util.GetNumberType(number);
        if (type == PhoneNumberType.UNKNOWN && !Util.IsValidNumber(number))
        {
            reason = $"'{PhoneRedaction.Mask(text)}' is not a valid number";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>The number's country (ISO region code, "US", "GB"); null when it is not a number of one.</summary>
    public static string? RegionOf(string e164) =>
        TryParse(e164, "US", out var number, out _) && Util.GetRegionCodeForNumber(number) is { } region
            && region != "ZZ" ? region : null;

    /// <summary>Every IANA zone the number may be in; empty when libphonenumber cannot tell.</summary>
    public static string[] TimeZonesOf(string e164) => ZonesOf(Util.Parse(e164, null));

    static string[] ZonesOf(PhoneNumber number, PhoneNumberType type) =>
        ZonesOf(type != PhoneNumberType.UNKNOWN && Util.IsNumberGeographical(type, number.CountryCode)
            ? Zones.GetTimeZonesForGeographicalNumber(number)
            : Zones.GetTimeZonesForNumber(number));

    static string[] ZonesOf(PhoneNumber number) => ZonesOf(Zones.GetTimeZonesForNumber(number));

    static string[] ZonesOf(List<string> zones) =>
        zones.Count == 1 && zones[0] == "Etc/Unknown" ? [] : zones.Where(z => z != "Etc/Unknown").ToArray();

    /// <summary>
    /// An E.164 number as its own country writes it ("(415) 555-0100"); the text as is when not a number.
    /// </summary>
    public static string National(string e164) =>
        TryParse(e164, "US", out var number, out _) ? Util.Format(number, PhoneNumberFormat.NATIONAL) : e164;

    /// <summary>True when the text contains a valid phone number, as people write one in the region.</summary>
    public static bool ContainsNumber(string text, string region) =>
        IsKnownRegion(region) && Util.FindNumbers(text, region.ToUpperInvariant()).Any();

    static string Describe(ErrorType type) => type switch
    {
        ErrorType.INVALID_COUNTRY_CODE => "unknown country code",
        ErrorType.NOT_A_NUMBER => "not a number",
        ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "too short",
        ErrorType.TOO_LONG => "too long",
        _ => type.ToString(),
    };
}

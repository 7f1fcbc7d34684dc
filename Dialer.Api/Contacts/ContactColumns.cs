namespace Dialer.Api.Contacts;

/// <summary>
/// Which header column is the phone, the name, the time zone, the state or province and the country; every other
/// column is a custom field. State and country say which jurisdiction's rules bind the contact, with its number's; the
/// consent columns (<see cref="ConsentColumns"/>) bring the contact's consent.
/// </summary>
public sealed record ContactColumns(int Phone, int? Name, int? TimeZone, (int Index, string Name)[] Custom,
    int? State = null, int? Country = null, ConsentColumns? Consent = null)
{
    static readonly string[] StateNames = ["state", "province", "state_province", "state/province", "region"];
    static readonly string[] CountryNames = ["country", "country_code", "country code"];
    static readonly string[] PhoneNames =
        ["phone", "phone_number", "phonenumber", "phone number", "number", "mobile", "telephone", "tel", "msisdn"];
    static readonly string[] NameNames = ["name", "full_name", "fullname", "full name", "contact_name", "contact"];
    static readonly string[] ZoneNames = ["timezone", "time_zone", "time zone", "tz", "zone"];

    public static ContactColumns? FromHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int? Find(string[] candidates) => Array.FindIndex(names, candidates.Contains) is var i and >= 0 ? i : null;

        if (Find(PhoneNames) is not { } phone) return null;
        var name = Find(NameNames);
        var zone = Find(ZoneNames);
        var state = Find(StateNames);
        var country = Find(CountryNames);
        var consent = ConsentColumns.Find(names);
        int?[] known = [phone, name, zone, state, country, .. (consent?.Indexes ?? []).Select(i => (int?)i)];
        var custom = header.Select((h, i) => (Index: i, Name: h.Trim()))
            .Where(c => !known.Contains(c.Index) && c.Name.Length > 0)
            .ToArray();
        return new ContactColumns(phone, name, zone, custom, state, country, consent);
    }
}

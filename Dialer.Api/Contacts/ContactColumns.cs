using Dialer.Core.Contacts;

namespace Dialer.Api.Contacts;

/// <summary>
/// Which header columns are the numbers (a plain phone column and home, mobile and work ones, one of each kind), the
/// name, the time zone, the state or province and the country; every other column is a custom field. State and country
/// say which jurisdiction's rules bind the contact, with its number's; the consent columns (<see
/// cref="ConsentColumns"/>) bring the contact's consent.
/// </summary>
/// <param name="Phone">the first number column</param>
/// <param name="Numbers">every number column and its kind, in the header's order; Phone's among them</param>
public sealed record ContactColumns(int Phone, int? Name, int? TimeZone, (int Index, string Name)[] Custom,
    int? State = null, int? Country = null, ConsentColumns? Consent = null, (int Index, string Kind)[]? Numbers = null)
{
    static readonly string[] StateNames = ["state", "province", "state_province", "state/province", "region"];
    static readonly string[] CountryNames = ["country", "country_code", "country code"];
    static readonly (string Kind, string[] Names)[] NumberNames =
    [
        (NumberKinds.Phone, ["phone", "phone_number", "phonenumber", "phone number", "number", "telephone", "tel",
            "msisdn"]),
        (NumberKinds.Mobile, ["mobile", "mobile_phone", "mobile phone", "cell", "cell_phone", "cell phone"]),
        (NumberKinds.Home, ["home_phone", "home phone", "phone_home"]),
        (NumberKinds.Work, ["work_phone", "work phone", "phone_work", "office_phone", "business_phone"]),
    ];
    static readonly string[] NameNames = ["name", "full_name", "fullname", "full name", "contact_name", "contact"];
    static readonly string[] ZoneNames = ["timezone", "time_zone", "time zone", "tz", "zone"];

    /// <summary>The number columns, the one of a file with a single number column as (Phone, "phone").</summary>
    public (int Index, string Kind)[] NumberColumns => Numbers ?? [(Phone, NumberKinds.Phone)];

    public static ContactColumns? FromHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int? Find(string[] candidates) => Array.FindIndex(names, candidates.Contains) is var i and >= 0 ? i : null;

        var numbers = NumberNames.Select(k => (Index: Find(k.Names), k.Kind)).Where(n => n.Index is not null)
            .Select(n => (Index: n.Index!.Value, n.Kind)).OrderBy(n => n.Index).ToArray();
        if (numbers.Length == 0) return null;
        var name = Find(NameNames);
        var zone = Find(ZoneNames);
        var state = Find(StateNames);
        var country = Find(CountryNames);
        var consent = ConsentColumns.Find(names);
        int?[] known = [.. numbers.Select(n => (int?)n.Index), name, zone, state, country,
            .. (consent?.Indexes ?? []).Select(i => (int?)i)];
        var custom = header.Select((h, i) => (Index: i, Name: h.Trim()))
            .Where(c => !known.Contains(c.Index) && c.Name.Length > 0)
            .ToArray();
        return new ContactColumns(numbers[0].Index, name, zone, custom, state, country, consent,
            numbers.Length > 1 ? numbers : null);
    }
}

using System.Text.Json;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;

namespace Dialer.Api.Contacts;

/// <summary>
/// One contact as a marketer types it, for a campaign's contact or a list's row: a field left out (null) is left as
/// it is; an empty text clears it. The number is read as an upload's is (<see cref="Phones.TryNormalize(string,
/// string, out string, out string[], out string)"/>, the campaign's or list's region), the zone and state as its
/// columns are; <see cref="CustomFields"/> replaces the custom fields whole, and <see cref="Numbers"/> the contact's
/// numbers (<see cref="Contact.Numbers"/>), the one it is dialed on among them.
/// </summary>
public sealed record ContactInput(string? Phone = null, string? Name = null,
    Dictionary<string, string?>? CustomFields = null, string? TimeZone = null, string? State = null,
    string? Country = null, List<NumberInput>? Numbers = null)
{
    public const int MaxNameLength = 200, MaxFields = 50, MaxFieldValueLength = 1000;

    /// <summary>The input checked and normalised; <see cref="Errors"/> is empty when it may be applied.</summary>
    public sealed record Checked(string? Phone, string[]? NumberZones, Dictionary<string, string[]> Errors)
    {
        public required ContactInput Input { get; init; }
        public string? StatedZone { get; init; }
        public string? Jurisdiction { get; init; }
        public string? FieldsJson { get; init; }
        /// <summary>The numbers given, normalised (their own zones); null when left out.</summary>
        public List<(string Kind, string Phone, string[] Zones)>? Numbers { get; init; }
    }

    public Checked Check(string region, bool phoneRequired)
    {
        var errors = new Dictionary<string, string[]>();
        string? e164 = null;
        string[]? zones = null;
        if (Phone is null) { if (phoneRequired) errors["phone"] = ["A phone number is required."]; }
        else if (!Phones.TryNormalize(Phone, region, out var normalised, out var numberZones, out var reason))
            errors["phone"] = [char.ToUpperInvariant(reason[0]) + reason[1..] + "."]; // the reason masks the number
        else (e164, zones) = (normalised, numberZones);
        if (Name is { Length: > MaxNameLength }) errors["name"] = [$"At most {MaxNameLength} characters."];
        string? statedZone = null;
        if (TimeZone is { Length: > 0 } zone)
            if (zone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out var found)
                && found.HasIanaId) statedZone = found.Id;
            else errors["timeZone"] = [$"Unknown time zone: use an IANA name such as America/Chicago."];
        string? jurisdiction = null;
        if ((State ?? Country) is not null
            && (State is { Length: > 64 } || Country is { Length: > 64 }
                || !Subdivisions.TryStated(State?.Trim() ?? "", Country?.Trim() ?? "", out jurisdiction)))
            errors[State is { Length: > 0 } ? "state" : "country"] =
                ["A US state or Canadian province (code or name), or a two-letter country code."];
        string? fields = null;
        if (CustomFields is { } custom)
        {
            if (custom.Count > MaxFields
                || custom.Any(f => f.Key.Trim().Length is 0 or > ColumnCondition.MaxColumnLength
                    || f.Value?.Length > MaxFieldValueLength))
                errors["customFields"] = [$"At most {MaxFields} fields, names of 1 to {ColumnCondition.MaxColumnLength}"
                    + $" characters, values of at most {MaxFieldValueLength}."];
            else if (custom.Count > 0)
                fields = JsonSerializer.Serialize(custom.ToDictionary(f => f.Key.Trim(), f => f.Value ?? ""));
        }
        var numbers = Numbers is null ? null : CheckNumbers(Numbers, region, errors);
        if (numbers is not null && e164 is not null && !numbers.Exists(n => n.Phone == e164))
            errors["numbers"] = ["The numbers must include the phone given."];
        return new Checked(e164, zones, errors)
        {
            Input = this, StatedZone = statedZone, Jurisdiction = jurisdiction, FieldsJson = fields, Numbers = numbers,
        };
    }

    static List<(string Kind, string Phone, string[] Zones)>? CheckNumbers(List<NumberInput> given, string region,
        Dictionary<string, string[]> errors)
    {
        var numbers = new List<(string Kind, string Phone, string[] Zones)>();
        if (given.Count > NumberKinds.Max)
        {
            errors["numbers"] = [$"At most {NumberKinds.Max} numbers."];
            return null;
        }
        foreach (var (n, i) in given.Select((n, i) => (n, i)))
        {
            if (!NumberKinds.IsKnown(n.Kind))
                errors[$"numbers[{i}].kind"] = [$"One of {string.Join(", ", NumberKinds.All)}."];
            else if (!Phones.TryNormalize(n.Phone ?? "", region, out var e164, out var zones, out var reason))
                errors[$"numbers[{i}].phone"] = [char.ToUpperInvariant(reason[0]) + reason[1..] + "."];
            else if (numbers.Exists(x => x.Phone == e164))
                errors[$"numbers[{i}].phone"] = ["The same number twice."];
            else numbers.Add((n.Kind!, e164, zones));
        }
        if (given.Count > 0 && numbers.Count == 0 && errors.Count == 0) errors["numbers"] = ["No number."];
        return numbers;
    }
}

/// <summary>One of a contact's numbers as typed: its kind (phone, home, mobile, work) and the number.</summary>
public sealed record NumberInput(string? Kind, string? Phone);

static class ContactInputExtensions
{
    /// <summary>The checked input onto a contact or a list's row (their columns are the same); the number is the
    /// caller's to set.</summary>
    /// <returns>the names of the fields changed</returns>
    public static List<string> ApplyFields(this ContactInput.Checked input, string phone, string[] oldZones,
        string oldPhone, ref string? name, ref string[] zones, ref string? jurisdiction, ref string? fields)
    {
        var changed = new List<string>();
        var i = input.Input;
        if (i.Name is { } newName && (newName.Trim() is var trimmed) && trimmed != (name ?? ""))
        {
            name = trimmed.Length == 0 ? null : trimmed;
            changed.Add("name");
        }
        if (i.CustomFields is not null && input.FieldsJson != fields)
        {
            fields = input.FieldsJson;
            changed.Add("customFields");
        }
        if ((i.State ?? i.Country) is not null && input.Jurisdiction != jurisdiction)
        {
            jurisdiction = input.Jurisdiction;
            changed.Add("state");
        }
        if (i.TimeZone is not null || phone != oldPhone)
        {
            var stated = i.TimeZone is not null ? input.StatedZone : StatedOf(oldZones, oldPhone);
            var numberZones = phone == oldPhone ? Phones.TimeZonesOf(oldPhone) : input.NumberZones ?? [];
            var newZones = ContactZones.Of(numberZones, stated);
            if (!newZones.SequenceEqual(zones))
            {
                zones = newZones;
                changed.Add("timeZones");
            }
        }
        return changed;
    }

    /// <summary>The zone the upload stated: the one its number does not give.</summary>
    public static string? StatedOf(string[] zones, string phone)
    {
        var ofNumber = Phones.TimeZonesOf(phone);
        return zones.FirstOrDefault(z => !ofNumber.Contains(z));
    }
}

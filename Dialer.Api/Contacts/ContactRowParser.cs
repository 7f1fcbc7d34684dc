using System.Text;
using System.Text.Json;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;

namespace Dialer.Api.Contacts;

/// <summary>Turns one CSV record into a contact row, or says why it cannot. Not thread-safe: one per worker.</summary>
/// <param name="now">what a consent's date may not be after</param>
/// <param name="numberOrder">the campaign's <see cref="Core.Campaigns.CampaignSettings.NumberOrder"/>, which says the
/// number dialed first; null for a list's rows (the column order)</param>
public sealed partial class ContactRowParser(
    ContactColumns columns, int headerWidth, string defaultRegion, int maxFieldChars = int.MaxValue,
    DateTimeOffset? now = null, string[]? numberOrder = null)
{
    readonly Dictionary<string, string?> _zonesByName = new(StringComparer.OrdinalIgnoreCase);
    readonly MemoryStream _json = new();

    public bool TryParse(IReadOnlyList<string> fields, int line, out ContactRow row, out string reason)
    {
        row = default;
        if (fields.Count > headerWidth)
        {
            reason =
                $"the row has {fields.Count} fields but the header has {headerWidth} (a separator inside an unquoted "
                    + "value?)";
            return false;
        }
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Length > maxFieldChars)
            {
                reason = $"column {i + 1} ({ColumnName(i)}) is longer than {maxFieldChars} characters "
                    + "(Import:MaxFieldChars)";
                return false;
            }
        if (!TryNumbers(fields, out var numbers, out var bad, out reason)) return false;
        var zoneText = columns.TimeZone is { } z ? At(fields, z) : "";
        string? stated = null;
        if (zoneText.Length > 0 && !TryZone(zoneText, out stated))
        {
            reason = $"unknown time zone '{zoneText}' (use an IANA name such as America/Chicago)";
            return false;
        }
        var (e164, kind, zones, numbersJson) = Dialed(numbers, stated);
        var stateText = columns.State is { } s ? At(fields, s) : "";
        var countryText = columns.Country is { } c ? At(fields, c) : "";
        if (!Subdivisions.TryStated(stateText, countryText, out var jurisdiction))
        {
            reason = stateText.Length > 0
                ? $"unknown state or province '{stateText}' (a US state or Canadian province, by code or name)"
                : $"unknown country '{countryText}' (a two-letter code such as ES or GB)";
            return false;
        }

        var name = columns.Name is { } n ? At(fields, n) : "";
        if (name.Length > 200) { reason = "the name is longer than 200 characters"; return false; }

        ConsentRow? consent = null;
        if (columns.Consent is { } consentColumns
            && !consentColumns.TryRead(i => At(fields, i), now ?? DateTimeOffset.UtcNow, out consent, out reason))
            return false;

        row = new ContactRow(line, e164, name.Length == 0 ? null : name, zones, CustomFields(fields), jurisdiction,
            consent, kind, numbersJson, bad);
        reason = "";
        return true;
    }

    string ColumnName(int index) =>
        columns.NumberColumns.FirstOrDefault(n => n.Index == index) is { Kind: { } kind }
            ? kind == NumberKinds.Phone ? "'phone'" : $"'{kind} phone'"
        : index == columns.Name ? "'name'" : index == columns.TimeZone ? "'time zone'"
        : index == columns.State ? "'state'" : index == columns.Country ? "'country'"
        : columns.Custom.FirstOrDefault(c => c.Index == index).Name is { } custom ? $"'{custom}'" : "unnamed";

    bool TryZone(string text, out string? zone)
    {
        if (!_zonesByName.TryGetValue(text, out zone))
            _zonesByName[text] = zone =
                TimeZoneInfo.TryFindSystemTimeZoneById(text, out var found) && found.HasIanaId ? found.Id : null;
        return zone is not null;
    }

    string? CustomFields(IReadOnlyList<string> fields)
    {
        if (columns.Custom.Length == 0) return null;
        _json.SetLength(0);
        using (var w = new Utf8JsonWriter(_json))
        {
            w.WriteStartObject();
            foreach (var (index, name) in columns.Custom) w.WriteString(name, At(fields, index));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_json.GetBuffer(), 0, (int)_json.Length);
    }

    static string At(IReadOnlyList<string> fields, int index) => index < fields.Count ? fields[index] : "";
}

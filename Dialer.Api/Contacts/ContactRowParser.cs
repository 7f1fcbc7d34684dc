using System.Text;
using System.Text.Json;
using Dialer.Core.Contacts;

namespace Dialer.Api.Contacts;

/// <summary>Turns one CSV record into a contact row, or says why it cannot. Not thread-safe: one per worker.</summary>
public sealed class ContactRowParser(
    ContactColumns columns, int headerWidth, string defaultRegion, int maxFieldChars = int.MaxValue)
{
    readonly Dictionary<string, string[]> _zonesByName = new(StringComparer.OrdinalIgnoreCase);
    readonly MemoryStream _json = new();

    public bool TryParse(IReadOnlyList<string> fields, int line, out ContactRow row, out string reason)
    {
        row = default;
        if (fields.Count > headerWidth)
        {
            reason = $"the row has {fields.Count} fields but the header has {headerWidth} (a separator inside an unquoted value?)";
            return false;
        }
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Length > maxFieldChars)
            {
                reason = $"column {i + 1} ({ColumnName(i)}) is longer than {maxFieldChars} characters "
                    + "(Import:MaxFieldChars)";
                return false;
            }
        var raw = At(fields, columns.Phone);
        if (raw.Length == 0) { reason = "no phone number"; return false; }
        string e164;
        string[] zones;
        var zoneText = columns.TimeZone is { } z ? At(fields, z) : "";
        if (zoneText.Length > 0)
        {
            if (!Phones.TryNormalize(raw, defaultRegion, out e164, out reason)) return false;
            if (!TryZone(zoneText, out zones)) { reason = $"unknown time zone '{zoneText}' (use an IANA name such as America/Chicago)"; return false; }
        }
        else if (!Phones.TryNormalize(raw, defaultRegion, out e164, out zones, out reason)) return false;

        var name = columns.Name is { } n ? At(fields, n) : "";
        if (name.Length > 200) { reason = "the name is longer than 200 characters"; return false; }

        row = new ContactRow(line, e164, name.Length == 0 ? null : name, zones, CustomFields(fields));
        reason = "";
        return true;
    }

    string ColumnName(int index) =>
        index == columns.Phone ? "'phone'" : index == columns.Name ? "'name'" : index == columns.TimeZone ? "'time zone'"
        : columns.Custom.FirstOrDefault(c => c.Index == index).Name is { } custom ? $"'{custom}'" : "unnamed";

    bool TryZone(string text, out string[] zones)
    {
        if (_zonesByName.TryGetValue(text, out zones!)) return zones.Length > 0;
        zones = TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) && zone.HasIanaId ? [zone.Id] : [];
        _zonesByName[text] = zones;
        return zones.Length > 0;
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

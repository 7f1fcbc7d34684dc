using System.Text.Json;

namespace Dialer.Core.Campaigns.Scripts;

/// <summary>
/// The values a script's merge fields may name: the contact's name (whole, first and last), number and every column of
/// its list, the agent's name and the campaign's. A list's own column wins over a derived name of the same spelling.
/// </summary>
public static class MergeValues
{
    public static readonly string[] BuiltIn =
        ["first_name", "last_name", "name", "phone", "agent.name", "agent.first_name", "campaign.name"];

    public static Dictionary<string, string> For(string? contactName, string? phone, string? customFieldsJson,
        string? agentName, string? campaignName)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var (first, last) = Split(contactName);
        values["name"] = contactName?.Trim() ?? "";
        values["first_name"] = first;
        values["last_name"] = last;
        values["phone"] = phone ?? "";
        values["agent.name"] = agentName?.Trim() ?? "";
        values["agent.first_name"] = Split(agentName).First;
        values["campaign.name"] = campaignName ?? "";
        foreach (var (column, value) in Columns(customFieldsJson)) values[column] = value;
        return values;
    }

    /// <summary>A contact list's columns and values (the CSV's other columns, kept as a JSON object).</summary>
    public static IEnumerable<(string Column, string Value)> Columns(string? customFieldsJson)
    {
        if (string.IsNullOrWhiteSpace(customFieldsJson)) yield break;
        using var json = JsonDocument.Parse(customFieldsJson);
        if (json.RootElement.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in json.RootElement.EnumerateObject())
            yield return (p.Name.Trim(), p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? ""
                : p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetRawText());
    }

    static (string First, string Last) Split(string? name)
    {
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? ("", "") : (words[0], string.Join(' ', words[1..]));
    }
}

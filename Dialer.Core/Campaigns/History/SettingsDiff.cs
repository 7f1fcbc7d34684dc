using System.Text.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Data;

namespace Dialer.Core.Campaigns.History;

/// <summary>
/// Field-by-field differences between two campaign definitions, in their JSON shape, so the paths are
/// the ones the API, the document and the validator use. Lists (days, dispositions) compare as one value.
/// </summary>
public static class SettingsDiff
{
    /// <param name="before">null for a new campaign: every field is new.</param>
    public static FieldChange[] Between(CampaignSettings? before, CampaignSettings after)
    {
        var changes = new List<FieldChange>();
        Walk("", before is null ? null : ToJson(before), ToJson(after), changes);
        return [.. changes];
    }

    public static JsonObject ToJson(CampaignSettings settings) =>
        JsonSerializer.SerializeToNode(settings, DialerJson.Options)!.AsObject();

    static void Walk(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (after is JsonObject a && before is JsonObject or null)
        {
            var b = before as JsonObject;
            var keys = a.Select(p => p.Key).Concat(b?.Select(p => p.Key) ?? []).Distinct();
            foreach (var key in keys)
                Walk(path.Length == 0 ? key : $"{path}.{key}", b?[key], a[key], changes);
            return;
        }
        if (!JsonNode.DeepEquals(before, after))
            changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.History;
using Dialer.Core.Data;

namespace Dialer.Api.Campaigns.Documents;

/// <summary>
/// A campaign's whole definition as one flat document: the settings' own fields (so the validator's
/// paths name document fields too), plus the campaign's id and the document's format. No contacts.
/// </summary>
public static class CampaignDocument
{
    public const string Format = "dialer.campaign/v1";

    public static JsonObject From(Campaign campaign)
    {
        var document = new JsonObject { ["format"] = Format, ["id"] = campaign.Id.ToString() };
        foreach (var (key, value) in SettingsDiff.ToJson(campaign.Settings))
            document[key] = value?.DeepClone();
        return document;
    }

    /// <summary>The id the document names (if any) and its settings, or the errors keyed by field.</summary>
    public static (Guid? Id, CampaignSettings? Settings, Dictionary<string, string[]> Errors) Read(JsonNode? node)
    {
        if (node is not JsonObject document)
            return (null, null, new() { [""] = ["The document must be an object with the campaign's fields."] });
        var fields = (JsonObject)document.DeepClone();
        Guid? id = null;
        if (fields["id"] is { } idNode)
        {
            if (idNode.GetValueKind() != JsonValueKind.String
                || !Guid.TryParse(idNode.GetValue<string>(), out var parsed))
                return (null, null, new() { ["id"] = ["Not a campaign id."] });
            id = parsed;
        }
        if (fields["format"] is { } format
            && (format.GetValueKind() != JsonValueKind.String || format.GetValue<string>() != Format))
            return (null, null, new() { ["format"] = [$"Only '{Format}' documents are understood."] });
        fields.Remove("id");
        fields.Remove("format");
        try
        {
            var settings = fields.Deserialize<CampaignSettings>(DialerJson.Options);
            return settings is null
                ? (id, null, new() { [""] = ["The document is empty."] })
                : (id, settings, CampaignSettingsValidator.Validate(settings));
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p ? p[2..] : "";
            return (id, null, new() { [path] = [$"Not a value this field accepts ({FirstSentence(e.Message)})."] });
        }
    }

    static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}

using System.Text.Json.Nodes;

namespace Dialer.Core.Campaigns.History;

/// <summary>
/// One change to a campaign's definition or status, kept forever: who made it, when, and each field's
/// old and new value, so a compliance officer can see who widened a calling window.
/// </summary>
public sealed class CampaignChange
{
    public long Id { get; set; }
    public Guid CampaignId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The authenticated user's name, or the system part that made the change.</summary>
    public string By { get; set; } = "";
    /// <summary>created, updated, imported, cloned, started, paused, resumed, stopped, completed, deleted.</summary>
    public string Action { get; set; } = "";
    public string? Note { get; set; }
    public FieldChange[] Fields { get; set; } = [];
}

/// <summary>A field by its JSON path (as the validator names it), with its value before and after.</summary>
public sealed record FieldChange(string Path, JsonNode? Old, JsonNode? New);

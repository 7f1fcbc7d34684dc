using System.Text.Json.Nodes;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.History;
using Dialer.Core.Data;

namespace Dialer.Api.Campaigns.History;

/// <summary>
/// The one place a change to a campaign is written down. It adds the row to the same unit of work as
/// the change itself, so a change is saved with its history or not at all.
/// </summary>
public sealed class CampaignHistory(DialerDb db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Created = "created", Updated = "updated", Imported = "imported", Cloned = "cloned", Deleted = "deleted";

    /// <summary>A definition change: records nothing when nothing changed.</summary>
    public FieldChange[] Definition(Campaign campaign, CampaignSettings? before, string action, string? note = null)
    {
        var fields = SettingsDiff.Between(before, campaign.Settings);
        if (fields.Length > 0 || before is null) Add(campaign.Id, action, fields, note);
        return fields;
    }

    /// <summary>A lifecycle transition such as started or paused.</summary>
    public void Status(Campaign campaign, CampaignStatus before, string action) =>
        Add(campaign.Id, action, before == campaign.Status ? [] :
            [new FieldChange("status", JsonValue.Create(Name(before)), JsonValue.Create(Name(campaign.Status)))]);

    public void Removed(Campaign campaign) => Add(campaign.Id, Deleted, [], $"draft '{campaign.Name}' deleted");

    void Add(Guid campaignId, string action, FieldChange[] fields, string? note = null) => db.CampaignChanges.Add(new CampaignChange
    {
        CampaignId = campaignId,
        At = clock.GetUtcNow(),
        By = http.HttpContext?.User.Identity?.Name ?? "system",
        Action = action,
        Note = note,
        Fields = fields,
    });

    static string Name(CampaignStatus status) => status.ToString().ToLowerInvariant();
}

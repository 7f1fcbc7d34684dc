using System.Text.Json.Nodes;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.History;
using Dialer.Core.Data;

namespace Dialer.Core.Changes;

/// <summary>Who makes the changes of this scope: the signed-in user in the Api, the system part elsewhere.</summary>
public interface IChangeAuthor
{
    string Name { get; }
}

public sealed class SystemAuthor : IChangeAuthor
{
    public string Name => "system";
}

/// <summary>
/// The one place a change to a campaign is written down, whether a person made it through the Api or the Worker's
/// schedule did (start time, end time, no contact left). It adds the row to the same unit of work as the change
/// itself, so a change is saved with its history or not at all.
/// </summary>
public sealed class CampaignHistory(DialerDb db, TimeProvider clock, IChangeAuthor author)
{
    public const string Created = "created", Updated = "updated", Imported = "imported", Cloned = "cloned",
        Deleted = "deleted", ListAttached = "list-attached", ListDetached = "list-detached",
        ListChanged = "list-changed", Recycled = "recycled", ContactAdded = "contact-added",
        ContactEdited = "contact-edited", ContactDeleted = "contact-deleted", DialFilterApplied = "dial-filter",
        LeadOrderApplied = "lead-order";

    /// <summary>A definition change: records nothing when nothing changed.</summary>
    public FieldChange[] Definition(Campaign campaign, CampaignSettings? before, string action, string? note = null)
    {
        var fields = SettingsDiff.Between(before, campaign.Settings);
        if (fields.Length > 0 || before is null) Add(campaign.Id, action, fields, note);
        return fields;
    }

    /// <summary>A lifecycle transition such as started; <paramref name="note"/> says why when nobody asked.</summary>
    public void Status(Campaign campaign, CampaignStatus before, string action, string? note = null) =>
        Add(campaign.Id, action, before == campaign.Status ? [] :
            [new FieldChange("status", JsonValue.Create(Name(before)), JsonValue.Create(Name(campaign.Status)))], note);

    /// <summary>A change to the campaign's contacts (a list attached, detached, recycled): what, how many.</summary>
    public void Contacts(Guid campaignId, string action, string note) =>
        Add(campaignId, action, [], note.Length <= MaxNoteLength ? note : note[..(MaxNoteLength - 1)] + "…");

    public const int MaxNoteLength = 500;

    public void Removed(Campaign campaign) => Add(campaign.Id, Deleted, [], $"draft '{campaign.Name}' deleted");

    void Add(Guid campaignId, string action, FieldChange[] fields, string? note = null) =>
        db.CampaignChanges.Add(new CampaignChange
        {
            CampaignId = campaignId,
            At = clock.GetUtcNow(),
            By = author.Name,
            Action = action,
            Note = note,
            Fields = fields,
        });

    static string Name(CampaignStatus status) => status.ToString().ToLowerInvariant();
}

using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Lists;

/// <summary>
/// Attaching a list, once the route has checked who may and whether it fits: the attachment, the rows copied into the
/// campaign's contacts, their fresh order and dial filter, and the history, in one unit of work. The route and
/// ops/bench/twolists both attach through here.
/// </summary>
public static class ListAttacher
{
    /// <summary>How long the attach's statements may take: copying a list of a million rows and placing them takes
    /// minutes, far past a query's usual 30 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <returns>what was attached, or null when the list was attached to the campaign already (nothing changed)
    /// </returns>
    public static Task<CampaignListsApi.AttachResponse?> AttachAsync(DialerDb db, StateChanges changes,
        CampaignHistory history, Campaign campaign, ContactList list, CampaignList attachment, CancellationToken ct)
    {
        if (db.Database.GetCommandTimeout() is not { } timeout || timeout < Timeout.TotalSeconds)
            db.Database.SetCommandTimeout(Timeout);
        return changes.RunAsync<CampaignListsApi.AttachResponse?>(async (unit, token) =>
        {
            var (id, listId, now) = (campaign.Id, list.Id, attachment.AttachedAt);
            if (await db.CampaignLists.AnyAsync(a => a.CampaignId == id && a.ListId == listId, token))
            {
                unit.Discard();
                return null;
            }
            db.CampaignLists.Add(attachment);
            await db.SaveChangesAsync(token);
            var (added, suppressed) = await ListAttachment.CopyRowsAsync(db, attachment, now, token);
            await FreshOrder.RewriteAsync(db, id, campaign.Settings.LeadOrder, now, token);
            await ListRecyclingApi.ParkOutsideFilterAsync(db, id, token);
            history.Contacts(id, CampaignHistory.ListAttached, $"list '{list.Name}' attached "
                + $"({(attachment.Active ? "active" : "inactive")}, priority {attachment.Priority}, weight "
                + $"{attachment.Weight}): {added} contacts "
                + $"added, {suppressed} of them suppressed, {list.RowCount - added} already in the campaign");
            return new CampaignListsApi.AttachResponse(listId, list.Name, attachment.Active, attachment.Priority,
                attachment.Weight, now, added, suppressed, list.RowCount - added);
        }, ct);
    }
}

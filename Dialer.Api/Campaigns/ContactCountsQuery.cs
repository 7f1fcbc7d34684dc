using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns;

static class ContactCountsQuery
{
    public static async Task<Dictionary<Guid, ContactCounts>> ForAsync(DialerDb db,
        IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        var rows = await db.Contacts.Where(c => campaignIds.Contains(c.CampaignId))
            .GroupBy(c => new { c.CampaignId, c.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return campaignIds.ToDictionary(id => id, id =>
        {
            int Of(ContactStatus s) => rows.Where(r => r.CampaignId == id && r.Status == s).Sum(r => r.Count);
            return new ContactCounts(rows.Where(r => r.CampaignId == id).Sum(r => r.Count),
                Of(ContactStatus.Pending), Of(ContactStatus.Dialing), Of(ContactStatus.Done),
                Of(ContactStatus.Suppressed));
        });
    }
}

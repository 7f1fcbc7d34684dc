using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Dialer.Worker.Webhooks;

/// <summary>
/// A running campaign's settings cannot change (edits need a pause), so the webhooks a customer waits on read them from
/// a short cache instead of the database: one round trip fewer on the answer and on the customer's join.
/// </summary>
public sealed class CampaignSettingsCache(DialerDb db, IMemoryCache cache)
{
    public Task<CampaignSettings> GetAsync(Guid campaignId, CancellationToken ct) =>
        cache.GetOrCreateAsync(("campaign-settings", campaignId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            // the whole document: a member of it would be read as a JSON path, in the CLR's casing, and come back null
            return db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Settings).SingleAsync(ct);
        })!;
}

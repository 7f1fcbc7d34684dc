using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Compliance;

/// <summary>Which do-not-call entries bind a campaign: its own and the global list's.</summary>
public static class DoNotCallList
{
    public static IQueryable<DoNotCallEntry> Binding(this IQueryable<DoNotCallEntry> entries, Guid campaignId) =>
        entries.Where(d => d.CampaignId == null || d.CampaignId == campaignId);

    public static Task<bool> ListsAsync(DialerDb db, string phone, Guid campaignId, CancellationToken ct) =>
        db.DoNotCall.Binding(campaignId).AnyAsync(d => d.Phone == phone, ct);
}

using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Scheduling;

/// <summary>
/// Every change of a campaign's status goes through here: saved (concurrency-checked), its Quartz
/// triggers brought in line, and announced on RabbitMQ.
/// </summary>
public sealed class CampaignLifecycle(DialerDb db, CampaignScheduler scheduler, IPublishEndpoint bus, TimeProvider clock)
{
    /// <returns>the campaign after the change, or null when it does not exist or the change did not apply</returns>
    public async Task<Campaign?> ChangeAsync(Guid id, Func<Campaign, DateTimeOffset, bool> change, string reason, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct);
        var now = clock.GetUtcNow();
        if (campaign is null || !change(campaign, now)) return null;
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(campaign, reason, ct);
        return campaign;
    }

    /// <summary>After a status change is saved: triggers, then the event.</summary>
    public async Task AnnounceAsync(Campaign campaign, string? reason, CancellationToken ct)
    {
        await scheduler.ApplyAsync(campaign, ct);
        await bus.Publish(new CampaignStateChanged(campaign.Id, campaign.Status.ToString().ToLowerInvariant(), reason, clock.GetUtcNow()), ct);
    }
}

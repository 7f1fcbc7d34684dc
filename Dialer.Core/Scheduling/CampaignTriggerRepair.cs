using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Dialer.Core.Scheduling;

/// <summary>
/// A status change commits before Quartz hears of it (Quartz keeps its own connections), so a process that dies between
/// the two leaves a Running campaign with no pacing, or a Completed one still paced. This puts every campaign's jobs
/// back in line with its status: a missing job is put, a job no status calls for is removed.
/// </summary>
public sealed class CampaignTriggerRepair(DialerDb db, ISchedulerFactory schedulers, CampaignScheduler scheduler,
    ILogger<CampaignTriggerRepair> log)
{
    /// <returns>how many campaigns were repaired</returns>
    public async Task<int> RepairAsync(CancellationToken ct)
    {
        var quartz = await schedulers.GetScheduler(ct);
        var present = (await quartz.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct))
            .Where(CampaignScheduler.IsCampaignJob).ToHashSet();
        var withJobs = present.Select(CampaignScheduler.CampaignOf).OfType<Guid>().Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Scheduled || c.Status == CampaignStatus.Running
                        || c.Status == CampaignStatus.Paused || withJobs.Contains(c.Id))
            .ToListAsync(ct);
        var repaired = 0;
        foreach (var campaign in campaigns)
        {
            var expected = CampaignScheduler.ExpectedJobs(campaign);
            var ours = present.Where(k => CampaignScheduler.CampaignOf(k) == campaign.Id).ToHashSet();
            if (ours.SetEquals(expected)) continue;
            // read again: the status may have changed since, its own change then applies the jobs (this is harmless)
            var now = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaign.Id, ct);
            if (now is null || !now.Status.Equals(campaign.Status)) continue;
            log.LogWarning("Campaign {CampaignId} ({Status}) had jobs [{Had}] instead of [{Expected}]: repaired",
                campaign.Id, campaign.Status, string.Join(", ", ours.Select(k => k.Name)),
                string.Join(", ", expected.Select(k => k.Name)));
            await scheduler.ApplyAsync(now, ct);
            repaired++;
        }
        return repaired;
    }
}

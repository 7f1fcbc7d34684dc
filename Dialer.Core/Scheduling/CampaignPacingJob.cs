using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Pacing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Dialer.Core.Scheduling;

/// <summary>
/// One tick of one campaign: ask its pacer how many lines to open, claim that many lawful contacts,
/// publish their dials. Quartz runs it about once a second on one node of the cluster, and <see cref="PacingLock"/>
/// keeps it to one even while Quartz hands a silent node's triggers over.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignPacingJob(DialerDb db, PacerRegistry pacers, ContactClaimer claimer,
    CampaignLifecycle lifecycle, StateChanges changes, IPacingMeter metrics, TimeProvider clock,
    ILogger<CampaignPacingJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var id = Guid.Parse(context.MergedJobDataMap.GetString(CampaignScheduler.CampaignIdKey)!);
        if (!await PacingLock.TryTakeAsync(db, id, ct))
        {
            log.LogWarning("Campaign {CampaignId}: another node's tick still holds its pacing; this tick skipped", id);
            return;
        }
        try
        {
            await TickAsync(context, id, ct);
        }
        finally
        {
            await PacingLock.ReleaseAsync(db, id);
        }
    }

    async Task TickAsync(IJobExecutionContext context, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null || campaign.Status != CampaignStatus.Running)
        {
            await context.Scheduler.DeleteJob(context.JobDetail.Key, ct); // the Api removes it too; this covers a race
            pacers.Forget(id);
            return;
        }
        if (campaign.Settings.EndAt <= now)
        {
            await lifecycle.ScheduledAsync(id, (c, at) => c.TryStop(at) is null, "stopped",
                "the end time was reached", ct);
            return;
        }

        var phase = clock.GetTimestamp();
        var pacing = pacers.For(id, campaign.Settings.Mode, now);
        if (pacing.Pacer is IOutcomeObserver learner)
        {
            await PacingObservations.FeedAsync(db, campaign, learner, pacing.ObservedUntil, now, ct);
            pacing.ObservedUntil = now;
        }
        var ledger = await AbandonLedger.ForAsync(db, campaign, now, ct);
        var snapshot = await LivePacingSnapshot.BuildAsync(db, campaign, ledger.ToBudget(), now, ct);
        var lines = pacing.Pacer.LinesToOpen(snapshot);
        await PacingState.SaveAsync(db, campaign, snapshot, pacing.Pacer, lines, now, ct);
        phase = Timed("decide", phase);
        var attempts = await claimer.ClaimAsync(changes, campaign, lines, ct);
        metrics.Paced(id, campaign.Settings.Mode.ToString(), attempts.Count);
        if (lines > 0) Timed("claim", phase);
        if (attempts.Count > 0)
        {
            log.LogDebug("Campaign {CampaignId}: {Lines} lines wanted, {Dialed} dialed", id, lines, attempts.Count);
        }
        else if (snapshot.LinesInUse == 0 && !await HasContactsLeftAsync(id, ct))
            await lifecycle.ScheduledAsync(id, (c, at) => c.Complete(at), "completed", "no contact is left to try", ct);
    }

    long Timed(string name, long since)
    {
        metrics.PacingTickPhase(name, clock.GetElapsedTime(since));
        return clock.GetTimestamp();
    }

    Task<bool> HasContactsLeftAsync(Guid id, CancellationToken ct) =>
        db.Contacts.AnyAsync(c => c.CampaignId == id
            && (c.Status == Contacts.ContactStatus.Pending || c.Status == Contacts.ContactStatus.Dialing), ct);
}

using Dialer.Core.Campaigns;
using Quartz;

namespace Dialer.Core.Scheduling;

/// <summary>
/// A campaign's triggers in Quartz's clustered store: a start at its start time, a stop at its end time,
/// and while it runs a pacing job once a second. The Api writes them; the Worker's scheduler runs them.
/// </summary>
public sealed class CampaignScheduler(ISchedulerFactory schedulers)
{
    const string Group = "campaigns";
    public const string CampaignIdKey = "campaignId";
    public static readonly TimeSpan PacingInterval = TimeSpan.FromSeconds(1);

    public static JobKey PacingJob(Guid id) => new($"pacing-{id}", Group);
    public static JobKey StartJob(Guid id) => new($"start-{id}", Group);
    public static JobKey EndJob(Guid id) => new($"end-{id}", Group);

    /// <summary>Puts the triggers that the campaign's status calls for, and removes the others.</summary>
    public async Task ApplyAsync(Campaign campaign, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var id = campaign.Id;
        await scheduler.DeleteJobs([PacingJob(id), StartJob(id), EndJob(id)], ct);

        if (campaign.Status == CampaignStatus.Scheduled && campaign.Settings.StartAt is { } startAt)
            await scheduler.ScheduleJob(Job<CampaignStartJob>(StartJob(id), id), TriggerBuilder.Create()
                .ForJob(StartJob(id)).StartAt(startAt).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build(), cancellationToken: ct);

        if (campaign.Status == CampaignStatus.Running)
            // a paused, lagging or failed-over campaign skips the fires it missed: never a burst of catch-up dials
            await scheduler.ScheduleJob(Job<CampaignPacingJob>(PacingJob(id), id), TriggerBuilder.Create()
                .ForJob(PacingJob(id)).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(PacingInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build(), cancellationToken: ct);

        if (campaign.Status is CampaignStatus.Scheduled or CampaignStatus.Running or CampaignStatus.Paused && campaign.Settings.EndAt is { } endAt)
            await scheduler.ScheduleJob(Job<CampaignEndJob>(EndJob(id), id), TriggerBuilder.Create()
                .ForJob(EndJob(id)).StartAt(endAt).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build(), cancellationToken: ct);
    }


    static IJobDetail Job<T>(JobKey key, Guid campaignId) where T : IJob =>
        JobBuilder.Create<T>().WithIdentity(key).UsingJobData(CampaignIdKey, campaignId.ToString()).RequestRecovery().Build();
}

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

    /// <summary>
    /// The jobs the campaign's status calls for: what <see cref="ApplyAsync"/> puts, and the repair checks.
    /// </summary>
    public static IReadOnlyList<JobKey> ExpectedJobs(Campaign campaign)
    {
        var id = campaign.Id;
        var jobs = new List<JobKey>();
        if (campaign.Status == CampaignStatus.Scheduled && campaign.Settings.StartAt is not null)
            jobs.Add(StartJob(id));
        if (campaign.Status == CampaignStatus.Running) jobs.Add(PacingJob(id));
        if (campaign.Status is CampaignStatus.Scheduled or CampaignStatus.Running or CampaignStatus.Paused
            && campaign.Settings.EndAt is not null)
            jobs.Add(EndJob(id));
        return jobs;
    }

    /// <summary>
    /// Puts the triggers that the campaign's status calls for, and removes the others. Idempotent (jobs are replaced),
    /// so the status change and <see cref="CampaignTriggerRepair"/> may both apply one campaign at once.
    /// </summary>
    public async Task ApplyAsync(Campaign campaign, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var id = campaign.Id;
        var expected = ExpectedJobs(campaign);
        await scheduler.DeleteJobs([.. AllJobs(id).Except(expected)], ct);

        if (expected.Contains(StartJob(id)))
            await scheduler.ScheduleJob(Job<CampaignStartJob>(StartJob(id), id), [TriggerBuilder.Create()
                .ForJob(StartJob(id)).StartAt(campaign.Settings.StartAt!.Value)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build()],
                ScheduleJobOptions.Replacing, ct);

        if (expected.Contains(PacingJob(id)))
            // a paused, lagging or failed-over campaign skips the fires it missed: never a burst of catch-up dials
            await scheduler.ScheduleJob(Job<CampaignPacingJob>(PacingJob(id), id), [TriggerBuilder.Create()
                .ForJob(PacingJob(id)).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(PacingInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build()], ScheduleJobOptions.Replacing, ct);

        if (expected.Contains(EndJob(id)))
            await scheduler.ScheduleJob(Job<CampaignEndJob>(EndJob(id), id), [TriggerBuilder.Create()
                .ForJob(EndJob(id)).StartAt(campaign.Settings.EndAt!.Value)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build()],
                ScheduleJobOptions.Replacing, ct);
    }

    static JobKey[] AllJobs(Guid id) => [PacingJob(id), StartJob(id), EndJob(id)];

    public static bool IsCampaignJob(JobKey key) => key.Group == Group;

    /// <summary>The campaign a job of <see cref="Group"/> belongs to, from its name.</summary>
    public static Guid? CampaignOf(JobKey key) =>
        IsCampaignJob(key) && key.Name.IndexOf('-') is var dash and > 0
            && Guid.TryParse(key.Name[(dash + 1)..], out var id)
            ? id : null;

    static IJobDetail Job<T>(JobKey key, Guid campaignId) where T : IJob =>
        JobBuilder.Create<T>().WithIdentity(key).UsingJobData(CampaignIdKey, campaignId.ToString()).RequestRecovery()
            .Build();
}

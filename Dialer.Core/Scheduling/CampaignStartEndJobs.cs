using Quartz;

namespace Dialer.Core.Scheduling;

/// <summary>A scheduled campaign's start time has come.</summary>
public sealed class CampaignStartJob(CampaignLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await lifecycle.ScheduledAsync(
            Guid.Parse(context.MergedJobDataMap.GetString(CampaignScheduler.CampaignIdKey)!),
            (c, now) => c.BeginScheduled(now), "started", "the start time was reached", ct);
}

/// <summary>A campaign's end time has come: it stops by itself.</summary>
public sealed class CampaignEndJob(CampaignLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await lifecycle.ScheduledAsync(
            Guid.Parse(context.MergedJobDataMap.GetString(CampaignScheduler.CampaignIdKey)!),
            (c, now) => c.TryStop(now) is null, "stopped", "the end time was reached", ct);
}

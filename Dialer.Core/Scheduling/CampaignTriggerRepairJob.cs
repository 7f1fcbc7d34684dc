using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Dialer.Core.Scheduling;

/// <summary>The repair on Quartz's clustered scheduler: one node runs each fire.</summary>
[DisallowConcurrentExecution]
public sealed class CampaignTriggerRepairJob(CampaignTriggerRepair repair) : IJob
{
    public static readonly JobKey Key = new("campaign-trigger-repair", "maintenance");
    /// <summary>
    /// How often, in seconds; 0 turns the repair off (the test worlds seed Running campaigns without jobs).
    /// </summary>
    public const string EverySetting = "Scheduling:TriggerRepairSeconds";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await repair.RepairAsync(ct);

    public static void Schedule(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(EverySetting, 10.0);
        if (seconds <= 0) return;
        var every = TimeSpan.FromSeconds(seconds);
        quartz.AddJob<CampaignTriggerRepairJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.WithIdentity("campaign-trigger-repair", "maintenance").ForJob(Key).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}

using Microsoft.Extensions.Options;
using Quartz;

namespace Dialer.Worker.Privacy;

/// <summary>The retention sweep on Quartz's clustered scheduler: one node runs each fire, whichever is free.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(Retention retention) : IJob
{
    public static readonly JobKey Key = new("retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await retention.SweepAsync(ct);

    /// <summary>Scheduled even when off (the sweep then does nothing): turning it on needs no other change.</summary>
    public static void Schedule(IQuartzBuilder quartz)
    {
        quartz.AddJob<RetentionJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger((services, t) =>
        {
            var every = TimeSpan.FromMinutes(
                services.GetRequiredService<IOptions<RetentionOptions>>().Value.SweepEveryMinutes);
            t.WithIdentity("retention", "maintenance").ForJob(Key)
                .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + every)
                .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
        });
    }
}

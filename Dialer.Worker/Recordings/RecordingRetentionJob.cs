using Microsoft.Extensions.Options;
using Quartz;

namespace Dialer.Worker.Recordings;

/// <summary>The retention sweep on Quartz's clustered scheduler: one node runs each fire, whichever is free.</summary>
[DisallowConcurrentExecution]
public sealed class RecordingRetentionJob(RecordingRetention retention) : IJob
{
    public static readonly JobKey Key = new("recording-retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await retention.SweepAsync(ct);

    public static void Schedule(IQuartzBuilder quartz)
    {
        quartz.AddJob<RecordingRetentionJob>(j => j.WithIdentity(Key).StoreDurably());
        // every Worker's start puts this one trigger again: the first sweep comes one interval after the latest start
        quartz.AddTrigger((services, t) =>
        {
            var every = TimeSpan.FromMinutes(
                services.GetRequiredService<IOptions<RecordingRetentionOptions>>().Value.SweepEveryMinutes);
            t.WithIdentity("recording-retention", "maintenance").ForJob(Key)
                .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + every)
                .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
        });
    }
}

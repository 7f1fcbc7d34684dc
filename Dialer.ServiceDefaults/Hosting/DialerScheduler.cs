using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Pacing;
using Dialer.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Dialer.ServiceDefaults.Hosting;

public static class DialerScheduler
{
    /// <summary>
    /// Quartz on the clustered ADO store in PostgreSQL. Every Worker runs it (a cluster node each);
    /// the Api only writes triggers into the store (<paramref name="runJobs"/> false). <paramref name="jobs"/> adds the
    /// process's standing jobs (Quartz takes one registration of the scheduler only).
    /// </summary>
    public static IHostApplicationBuilder AddDialerScheduler(this IHostApplicationBuilder builder, bool runJobs,
        Action<IQuartzBuilder>? jobs = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("Dialer")!;
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "dialer";
                o.GenerateInstanceId = true; // every Worker process is its own node of the cluster
            });
            q.UseDefaultThreadPool(p => p.MaxConcurrency = 16);
            if (runJobs) CampaignTriggerRepairJob.Schedule(q, builder.Configuration);
            jobs?.Invoke(q);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = QuartzSchema.TablePrefix;
                    o.MisfireThreshold = TimeSpan.FromSeconds(2);
                    o.SchemaProvisioning = SchemaProvisioning.Validate; // the migrations create the tables
                });
                store.UseClustering(c =>
                {
                    // a dead Worker's pacing moves within about 5 s; a live one taken for dead under load cannot
                    // pace a campaign twice at once (PacingLock), so the thresholds need no margin for that
                    c.CheckinInterval = TimeSpan.FromSeconds(1);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(4);
                });
            });
        });
        builder.Services.AddScoped<CampaignScheduler>();
        builder.Services.AddScoped<CampaignLifecycle>();
        if (runJobs)
        {
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            builder.Services.AddScoped<ContactClaimer>();
            builder.Services.AddScoped<CampaignTriggerRepair>();
            builder.Services.AddSingleton<PacerRegistry>();
        }
        return builder;
    }
}

using Dialer.ServiceDefaults.Health;
using Dialer.ServiceDefaults.Hosting;
using Dialer.ServiceDefaults.Telemetry;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Agents;
using Dialer.Worker.Agents.Lines;
using Dialer.Worker.Dialing;
using Dialer.Worker.Dialing.AccountRate;
using Dialer.Worker.Privacy;
using Dialer.Worker.Recordings;
using Dialer.Worker.Webhooks;
using Microsoft.Extensions.Options;

namespace Dialer.Worker.Hosting;

public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddSharedDefaults();
        builder.AddManagementPort();
        builder.AddDialerDb();
        builder.AddDialerBus(bus =>
        {
            bus.AddConsumer<PlaceCallConsumer>(typeof(PlaceCallConsumerDefinition));
            bus.AddConsumer<AgentLineConsumer>();
        });
        builder.AddDialerScheduler(runJobs: true, q =>
        {
            RecordingRetentionJob.Schedule(q);
            RetentionJob.Schedule(q);
        });
        builder.AddDialerTelemetry("dialer-worker");
        builder.Services.AddQueueDepthOf<PlaceCallConsumer>();
        builder.Services.AddProblemDetails();

        builder.Services.AddTwilioOptions();
        TwilioClients.Register(builder.Services);
        builder.Services.AddSingleton(sp =>
            sp.GetRequiredService<IOptions<TwilioOptions>>().Value.Lead);
        // no dial before the first heartbeat has told this Worker its share
        builder.Services.AddSingleton(sp => new AccountRateLimiter(0, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<WorkerLeaseHeartbeat>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerLeaseHeartbeat>());
        builder.Services.AddSingleton<TwilioResilience>();
        builder.Services.AddScoped<TwilioDialer>();
        builder.Services.AddScoped<AttemptUpdates>();
        builder.Services.AddSingleton<AttemptsSeen>();
        builder.Services.AddScoped<DialRefusals>();
        builder.Services.AddScoped<CallerIds.CallerIdPicker>();
        builder.Services.AddSingleton<CallerIds.CallerIdCounts>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CallerIds.CallerIdCounts>());
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<Core.Figures.AgentLimits>().BindConfiguration(Core.Figures.AgentLimits.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CampaignSettingsCache>();
        builder.Services.AddScoped<AnswerRouting>();
        builder.Services.AddScoped<AgentLineChanges>();
        builder.Services.AddScoped<BridgeOutcomes>();
        builder.Services.AddScoped<RecordingStarter>();
        builder.Services.AddOptions<RecordingRetentionOptions>().BindConfiguration(RecordingRetentionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RecordingRetention>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Retention>();
        builder.Services.AddMemoryCache();
        builder.Services.AddTwilioSignatures(o => o.PublicWebhookBaseUrl);
        builder.Services.AddHostedService<AttemptReconciler>();
        builder.Services.AddSingleton<AgentHealer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentHealer>());
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.UseDialerRequestLogging();
        app.UseManagementPort();
        app.UseAnswerWebhookTiming();
        app.MapDialerHealth();
        app.MapTwilioWebhooks();
        app.MapMessageAudioMedia();
        app.MapDialerMetrics();
    }
}

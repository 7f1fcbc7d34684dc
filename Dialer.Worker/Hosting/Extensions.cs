using Dialer.Core.Hosting;
using Dialer.Core.Telemetry;
using Dialer.Worker.Agents;
using Dialer.Worker.Agents.Lines;
using Dialer.Worker.Recordings;
using Dialer.Worker.Dialing;
using Dialer.Worker.Webhooks;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dialer.Worker.Hosting;

public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddSharedDefaults();
        builder.AddDialerDb();
        builder.AddDialerBus(bus =>
        {
            bus.AddConsumer<PlaceCallConsumer>(typeof(PlaceCallConsumerDefinition));
            bus.AddConsumer<AgentLineConsumer>();
        });
        builder.AddDialerScheduler(runJobs: true, RecordingRetentionJob.Schedule);
        builder.AddDialerTelemetry("dialer-worker");
        builder.Services.AddQueueDepthOf<PlaceCallConsumer>();
        builder.Services.AddProblemDetails();

        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        TwilioClients.Register(builder.Services);
        builder.Services.AddSingleton(sp =>
            TwilioOptions.LeadOf(sp.GetRequiredService<IOptions<TwilioOptions>>().Value));
        builder.Services.AddSingleton<TwilioResilience>();
        builder.Services.AddScoped<TwilioDialer>();
        builder.Services.AddScoped<AttemptUpdates>();
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Core.Figures.AgentLimits>().BindConfiguration(Core.Figures.AgentLimits.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CampaignSettingsCache>();
        builder.Services.AddScoped<AnswerRouting>();
        builder.Services.AddScoped<AgentLineChanges>();
        builder.Services.AddScoped<BridgeOutcomes>();
        builder.Services.AddScoped<RecordingStarter>();
        builder.Services.AddOptions<RecordingRetentionOptions>().BindConfiguration(RecordingRetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RecordingRetention>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<TwilioSignature>();
        builder.Services.AddSingleton<ITwilioWebhookSecret>(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value is var o
            ? new TwilioWebhookSecret(o.PublicWebhookBaseUrl, o.AuthToken) : null!);
        builder.Services.AddHostedService<AttemptReconciler>();
        builder.Services.AddSingleton<AgentHealer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentHealer>());
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.UseAnswerWebhookTiming();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapTwilioWebhooks();
        app.MapDialerMetrics();
    }
}

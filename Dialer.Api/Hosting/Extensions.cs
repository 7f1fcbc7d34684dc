using Dialer.Api.Agents;
using Dialer.Api.Auth;
using Dialer.Api.Auth.Oidc;
using Dialer.Api.Contacts;
using Dialer.Api.Dashboard;
using Dialer.Api.Preview;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Health;
using Dialer.ServiceDefaults.Hosting;
using Dialer.ServiceDefaults.Telemetry;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Hosting;

public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddSharedDefaults();
        builder.AddManagementPort();
        builder.AddDialerDb();
        builder.AddDialerBus(bus =>
        {
            DashboardServices.AddDashboardConsumers(bus);
            AgentConsoleForwarding.AddAgentConsoleForwarder(bus);
            Agents.Wall.AgentWallServices.AddAgentWallConsumer(bus);
        });
        builder.Services.AddTwilioOptions();
        builder.AddDashboard();
        Agents.Wall.AgentWallServices.AddAgentWall(builder);
        builder.AddDialerTelemetry("dialer-api");
        builder.AddDialerScheduler(runJobs: false);
        builder.AddApiKeyAuth();
        builder.AddOidcSignIn();
        builder.AddClientAddresses();
        builder.AddApiRateLimiting();
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Compliance.Registries.RegistryOptions>()
            .BindConfiguration(Compliance.Registries.RegistryOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => DialerJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityScheme>());
        builder.Services.AddScoped<ContactImporter>();
        builder.Services.AddScoped<ContactWriter>();
        builder.Services.AddOptions<Campaigns.Prelaunch.ForecastOptions>()
            .BindConfiguration(Campaigns.Prelaunch.ForecastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Campaigns.Prelaunch.ForecastGate>();
        builder.Services.AddScoped<Campaigns.CampaignTransitions>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Teams.TeamScope>();
        builder.Services.AddScoped<Privacy.PersonErasure>();
        builder.Services.AddScoped<Core.Changes.IChangeAuthor, Campaigns.History.SignedInAuthor>();
        builder.Services.AddScoped<Campaigns.Prelaunch.PrelaunchCheck>();
        builder.Services.AddScoped<CallerIds.CallerIdOwnership>();
        Supervision.SupervisionTwilio.Register(builder.Services);
        builder.Services.AddScoped<Supervision.SupervisorLeg>();
        builder.Services.AddSingleton<Agents.Transfers.TransferTwilio>();
        Recordings.RecordingMedia.Register(builder.Services);
        builder.AddPreviewDialing();
        Localization.PageLocalization.AddPageLocalization(builder);
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        // an index built over millions of contacts takes minutes, far past a query's 30 s
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
        await BootstrapAdmin.EnsureAsync(db, app.Configuration, TimeProvider.System, CancellationToken.None);
    }
}

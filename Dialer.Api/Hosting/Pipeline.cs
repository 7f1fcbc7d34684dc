using Dialer.Api.Agents;
using Dialer.Api.Answers;
using Dialer.Api.Auth;
using Dialer.Api.Auth.Oidc;
using Dialer.Api.Campaigns;
using Dialer.Api.Compliance;
using Dialer.Api.Compliance.Registries;
using Dialer.Api.Dashboard;
using Dialer.Api.Lists;
using Dialer.Api.Localization;
using Dialer.Api.OutboundWebhooks;
using Dialer.Api.Pages;
using Dialer.Api.Privacy;
using Dialer.Api.Recordings;
using Dialer.Api.Reporting;
using Dialer.Api.Reporting.Timesheets;
using Dialer.Api.Teams;
using Dialer.Api.Users;
using Dialer.ServiceDefaults.Health;
using Dialer.ServiceDefaults.Hosting;
using Dialer.ServiceDefaults.Telemetry;
using Dialer.ServiceDefaults.Twilio;
using Scalar.AspNetCore;

namespace Dialer.Api.Hosting;

public static class Pipeline
{
    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseDialerRequestLogging();
        app.UseManagementPort();
        app.UseClientAddresses(); // before the headers: a known proxy's X-Forwarded-Proto says whether it was HTTPS
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePageLocalization(); // the pages' language; the API stays English
        app.UseOidcPages(); // before the pages' static files
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAddressRateLimit(); // before any key costs a lookup
        app.UseAuthentication();
        app.UseUserRateLimit();
        app.UseAuthorization();
        app.UseTeamScope();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        const string shell =
            "a page's or the API reference's shell: it holds no data, which comes from the API with a key";
        app.MapOpenApi().AllowAnonymousBecause(shell);
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Dialer API")).AllowAnonymousBecause(shell);
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription().AllowAnonymousBecause(shell);
        app.MapDialerHealth();

        app.MapDialerMetrics();

        // the API, one route group per resource
        app.MapCampaigns();
        app.MapListsApi();
        app.MapDoNotCallApi();
        app.MapRegistryListsApi();
        app.MapErasuresApi();
        app.MapWebhooksApi();
        app.MapUsersApi();
        app.MapTeamsApi();
        HubTickets.MapHubTicketsApi(app);
        app.MapDashboardApi();
        app.MapAgents();
        app.MapAgentConsoleApi();
        app.MapRecordingsApi();
        app.MapTimesheetsApi();
        app.MapAnswerFallbackWebhook();
        app.MapMessageAudioMedia();
        app.MapHub<AgentHub>(AgentHub.Path);

        // the pages
        app.MapBuilderPages();
        app.MapCatalogueApi();
        app.MapCompliancePage();
        app.MapGet("/agent", () => Results.Redirect("/agent/index.html")).ExcludeFromDescription()
            .AllowAnonymousBecause(shell);
    }
}

using Dialer.Api.Agents;
using Dialer.Api.Campaigns;
using Dialer.Api.Campaigns.Documents;
using Dialer.Api.Campaigns.History;
using Dialer.Api.Campaigns.Prelaunch;
using Dialer.Api.Compliance;
using Dialer.Api.Contacts;
using Dialer.Api.Dashboard;
using Dialer.Api.Pages;
using Dialer.Api.Preview;
using Dialer.Api.Recordings;
using Dialer.Api.Reporting;
using Dialer.Api.Users;
using Dialer.Api.Supervision;
using Dialer.Api.Answers;
using Dialer.Core.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Dialer.Api.Hosting;

public static class Pipeline
{
    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseHubAccessTokens();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Dialer API"));
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        app.MapCampaignsApi();
        app.MapCampaignLifecycleApi();
        app.MapPacingApi();
        app.MapCampaignSummaryApi();
        app.MapContactsApi();
        app.MapDoNotCallApi();
        app.MapUsersApi();
        app.MapCampaignDocumentsApi();
        app.MapCampaignChangesApi();
        app.MapCampaignCloneApi();
        app.MapPrelaunchApi();
        app.MapBuilderPages();
        app.MapDashboardApi();
        app.MapCampaignResultsApi();
        app.MapComplianceReportApi();
        app.MapDialerMetrics();
        app.MapAgentApi();
        app.MapAgentCampaigns();
        app.MapPreviewApi();
        Agents.Wall.AgentWallApi.MapAgentWallApi(app);
        Reporting.Timesheets.TimesheetsApi.MapTimesheetsApi(app);
        app.MapAbandonApi();
        app.MapSupervisionApi();
        app.MapAnswerFallbackWebhook();
        app.MapRecordingsApi();
        app.MapHub<AgentHub>(AgentHub.Path);
        app.MapGet("/agent", () => Results.Redirect("/agent/index.html")).ExcludeFromDescription();
    }
}

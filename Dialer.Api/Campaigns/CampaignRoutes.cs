using Dialer.Api.CallerIds;
using Dialer.Api.Campaigns.Audio;
using Dialer.Api.Campaigns.Documents;
using Dialer.Api.Campaigns.History;
using Dialer.Api.Campaigns.Prelaunch;
using Dialer.Api.Compliance;
using Dialer.Api.Contacts;
using Dialer.Api.Dashboard;
using Dialer.Api.Lists;
using Dialer.Api.Preview;
using Dialer.Api.Recordings;
using Dialer.Api.Reporting;
using Dialer.Api.Reporting.Jurisdictions;
using Dialer.Api.Scripts;
using Dialer.Api.Teams;

namespace Dialer.Api.Campaigns;

/// <summary>
/// The campaigns resource as one route group, under one OpenAPI tag: /api/campaigns (list, create, defaults,
/// documents, voices) and /api/campaigns/{id}, to which every feature of one campaign attaches its endpoints. The group
/// asks for a signed-in user; each feature names the policy of its own endpoints.
/// </summary>
public static class CampaignRoutes
{
    public static RouteGroupBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization();
        campaigns.MapCampaignsApi();
        campaigns.MapCampaignDocumentsApi();
        campaigns.MapVoicesApi();

        // one campaign's routes: another team's campaign is a 404 before any of them runs
        var campaign = campaigns.MapGroup("/{id:guid}").RequireTeamScope(TeamObject.Campaign);
        campaign.MapCampaignLifecycleApi();
        campaign.MapCampaignCloneApi();
        campaign.MapCampaignChangesApi();
        campaign.MapPacingApi();
        campaign.MapPrelaunchApi();
        campaign.MapContactsApi();
        campaign.MapConsentsApi();
        campaign.MapCampaignListsApi();
        campaign.MapTimelineApi();
        campaign.MapCampaignSummaryApi();
        campaign.MapCampaignResultsApi();
        campaign.MapAbandonApi();
        campaign.MapComplianceReportApi();
        campaign.MapJurisdictionReportApi();
        campaign.MapCampaignRecordingsApi();
        campaign.MapCampaignAgentsApi();
        campaign.MapPreviewCardLogApi();
        campaigns.MapScriptPreviewApi(campaign);
        campaign.MapCallerIdsApi();
        campaign.MapMessageAudioApi();
        return campaigns;
    }
}

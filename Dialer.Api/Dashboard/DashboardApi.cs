using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Teams;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Dashboard;

/// <summary>
/// The dashboard's first snapshot, its charts' data, and the campaign actions a manager takes from it.
/// </summary>
public static class DashboardApi
{
    static readonly TimeSpan LongestTimeline = TimeSpan.FromDays(2);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(Policies.Manager);
        dashboard.MapGet("/campaigns", Snapshot).OwnTeamOnly(TeamObject.Campaign);
        // the marketers' lifecycle routes are theirs; managers pause and resume from the floor through these
        dashboard.MapPost("/campaigns/{id:guid}/pause", (Guid id, CampaignTransitions t, CancellationToken ct) =>
            t.ApplyAsync(id, (c, now) => c.TryPause(now), "paused by a manager", ct))
                .RequireTeamScope(TeamObject.Campaign);
        dashboard.MapPost("/campaigns/{id:guid}/resume", (Guid id, CampaignTransitions t, CancellationToken ct) =>
            t.ApplyAsync(id, (c, now) => c.TryResume(now), "resumed by a manager", ct))
                .RequireTeamScope(TeamObject.Campaign);

        // each connection joins its team's group (an admin's, every team's): see DashboardHub
        app.MapHub<DashboardHub>(DashboardHub.Path).RequireAuthorization(Policies.Manager)
            .OwnTeamOnly(TeamObject.Campaign);
        return app;
    }

    /// <summary>The campaign's timeline, the floor's chart.</summary>
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapTimelineApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/timeline", GetTimeline).RequireAuthorization(Policies.Reader);
        return campaign;
    }

    static async Task<Ok<List<CampaignFigures>>> Snapshot(DialerDb db, TeamScope scope, DashboardFeed feed,
        TimeProvider clock, CancellationToken ct)
    {
        var figures = await CampaignFigures.ForAsync(db, null, scope.OnlyTeam, clock.GetUtcNow(), ct);
        feed.Remember(figures);
        return TypedResults.Ok(figures);
    }

    static async Task<Results<Ok<Timeline>, NotFound, ProblemHttpResult>> GetTimeline(
        Guid id, DialerDb db, TimeProvider clock, CancellationToken ct, DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        if (start >= end || end - start > LongestTimeline)
            return Hosting.Problems.BadRequest(
                $"from must be before to, and at most {LongestTimeline.TotalDays} days before it.");
        return TypedResults.Ok(await Timeline.ForAsync(db, campaign, start, end, ct));
    }
}

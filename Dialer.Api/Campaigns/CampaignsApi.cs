using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns;

public static class CampaignsApi
{
    /// <param name="campaigns">the /api/campaigns group</param>
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/", List).RequireAuthorization(Policies.Reader).OwnTeamOnly(TeamObject.Campaign);
        campaigns.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Reader).RequireTeamScope(TeamObject.Campaign)
            .WithName("GetCampaign");
        campaigns.MapPost("/", Create).RequireAuthorization(Policies.Marketer).OwnTeamOnly(TeamObject.Campaign)
            .WithDescription("The campaign belongs to the creator's team; an admin may name another with ?teamId=.");
        campaigns.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.Campaign);
        campaigns.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.Campaign);
        return campaigns;
    }

    static async Task<Results<Ok<Page<CampaignResponse>>, ValidationProblem>> List(DialerDb db, TeamScope scope,
        CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var total = await scope.Campaigns.CountAsync(ct);
        var campaigns = await scope.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var counts = await ContactCountsQuery.ForAsync(db, campaigns.Select(c => c.Id).ToList(), ct);
        return TypedResults.Ok(new Page<CampaignResponse>(
            campaigns.Select(c => CampaignResponse.From(c, counts[c.Id])).ToList(), page, pageSize, total));
    }

    static async Task<Results<Ok<CampaignResponse>, NotFound>> Get(Guid id, DialerDb db, HttpContext http,
        CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var counts = await ContactCountsQuery.ForAsync(db, [id], ct);
        http.Response.Headers.ETag = ETags.Of(campaign.Version);
        return TypedResults.Ok(CampaignResponse.From(campaign, counts[id]));
    }

    static async Task<Results<CreatedAtRoute<CampaignResponse>, ValidationProblem>> Create(
        CampaignSettings settings, DialerDb db, TeamScope scope, CampaignHistory history, TimeProvider clock,
        CancellationToken ct, Guid? teamId = null)
    {
        var errors = CampaignSettingsValidator.Validate(settings);
        var (team, teamError) = await scope.TeamForNewAsync(teamId, ct);
        if (teamError is not null) errors["teamId"] = [teamError];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var campaign = Campaign.Create(settings, clock.GetUtcNow());
        campaign.TeamId = team!.Value;
        db.Campaigns.Add(campaign);
        history.Definition(campaign, null, CampaignHistory.Created);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(CampaignResponse.From(campaign, new ContactCounts(0, 0, 0, 0, 0)),
            "GetCampaign", new { id = campaign.Id });
    }

    static async Task<Results<Ok<CampaignResponse>, NotFound, ValidationProblem,
        Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult>> Update(
        Guid id, CampaignSettings settings, DialerDb db, StateChanges changes, CampaignHistory history,
        HttpContext http, CancellationToken ct)
    {
        var errors = CampaignSettingsValidator.Validate(settings);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        Campaign? campaign = null;
        var stale = false;
        Refusal? refused;
        try
        {
            refused = await changes.RunAsync(async (unit, token) =>
            {
                campaign = await unit.LockCampaignAsync(id, token);
                if (campaign is null) return Discard(unit, null);
                if (stale = ETags.Stale(http.Request, campaign.Version)) return Discard(unit, null);
                var before = campaign.Settings;
                if (campaign.TryUpdate(settings, unit.Now) is { } refusal) return Discard(unit, refusal);
                history.Definition(campaign, before, CampaignHistory.Updated);
                if (DialFilterChange.Differs(before.DialFilter, settings.DialFilter))
                {
                    var (filtered, back) = await DialFilterParking.ApplyAsync(db, id, settings.DialFilter, token);
                    history.Contacts(id, CampaignHistory.DialFilterApplied, DialFilterChange.Describe(
                        settings.DialFilter, filtered, back));
                }
                if (before.LeadOrder != settings.LeadOrder)
                {
                    var placed = await FreshOrder.RewriteAsync(db, id, settings.LeadOrder, unit.Now, token);
                    history.Contacts(id, CampaignHistory.LeadOrderApplied,
                        $"lead order {settings.LeadOrder.Describe()}: {placed} fresh contacts placed");
                }
                return null;
            }, ct);
        }
        catch (DbUpdateConcurrencyException) { return ETags.StaleProblem(); }
        if (campaign is null) return TypedResults.NotFound();
        if (stale) return ETags.StaleProblem();
        if (refused is not null) return Problems.Conflict(refused);

        var counts = await ContactCountsQuery.ForAsync(db, [id], ct);
        http.Response.Headers.ETag = ETags.Of(campaign.Version);
        return TypedResults.Ok(CampaignResponse.From(campaign, counts[id]));
    }

    static Refusal? Discard(StateChange unit, Refusal? refusal)
    {
        unit.Discard();
        return refusal;
    }

    static async Task<Results<NoContent, NotFound, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> Delete(Guid id,
        DialerDb db, CampaignHistory history, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        if (campaign.TryDelete() is { } refusal) return Problems.Conflict(refusal);
        db.Campaigns.Remove(campaign);
        history.Removed(campaign);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

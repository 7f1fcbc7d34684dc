using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Teams;
using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.OutboundWebhooks;

/// <summary>
/// /api/webhooks: the URLs that hear a team's events, for its admins and marketers. A subscription is its team's:
/// another team's is a 404 (<see cref="TeamScope"/>, checked before the handler on the routes naming one). Its
/// deliveries and replays are in <see cref="WebhookDeliveriesApi"/>.
/// </summary>
public static class WebhooksApi
{
    /// <summary>Per campaign, and per team for every campaign: enough for a CRM or two, not a fan-out
    /// service.</summary>
    public const int MaxPerScope = 20;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Marketer);
        group.MapPost("/", Create).OwnTeamOnly(TeamObject.Webhook);
        group.MapGet("/", List).OwnTeamOnly(TeamObject.Webhook).RequireTeamScope(TeamObject.Campaign, "campaignId");
        group.MapGet("/{id:guid}", Get).RequireTeamScope(TeamObject.Webhook);
        group.MapDelete("/{id:guid}", Delete).RequireTeamScope(TeamObject.Webhook);
        group.MapWebhookDeliveriesApi();
        return group;
    }

    static async Task<Results<Created<WebhookResponse>, ValidationProblem>> Create(CreateWebhookRequest request,
        DialerDb db, TeamScope scope, IOptions<WebhookOptions> options, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = request.Validate(options.Value.AllowPrivateAddresses);
        Guid? team = null;
        if (request.CampaignId is { } cid)
        {
            // the campaign's team owns it; another team's campaign is as unknown as a missing one
            team = await scope.Campaigns.Where(c => c.Id == cid).Select(c => (Guid?)c.TeamId).SingleOrDefaultAsync(ct);
            if (team is null) errors["campaignId"] = [$"No campaign {cid}."];
        }
        else if (request.TeamId is { } asked && asked != scope.TeamId && !scope.SeesEveryTeam)
            errors["teamId"] = ["Only an admin may register a webhook for another team."];
        else if (request.TeamId is { } named && !await db.Teams.AnyAsync(t => t.Id == named, ct))
            errors["teamId"] = ["No such team."];
        else team = request.TeamId ?? scope.TeamId;
        if (errors.Count == 0 && await db.WebhookSubscriptions
                .CountAsync(s => s.TeamId == team && s.CampaignId == request.CampaignId, ct) >= MaxPerScope)
            errors["campaignId"] = [$"At most {MaxPerScope} subscriptions here: delete one first."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), Url = request.Url!.Trim(), Events = [.. request.Events!.Distinct()],
            CampaignId = request.CampaignId, TeamId = team!.Value, Description = request.Description?.Trim(),
            Secret = request.Secret ?? CreateWebhookRequest.NewSecret(), CreatedBy = user.AuditId(), CreatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/webhooks/{subscription.Id}",
            WebhookResponse.Of(subscription, withSecret: true));
    }

    /// <param name="campaignId">only the subscriptions to this campaign</param>
    static async Task<Ok<WebhookResponse[]>> List(TeamScope scope, CancellationToken ct, Guid? campaignId = null)
    {
        var list = await scope.Webhooks.AsNoTracking()
            .Where(s => campaignId == null || s.CampaignId == campaignId)
            .OrderBy(s => s.CreatedAt).Take(10 * MaxPerScope).ToListAsync(ct);
        return TypedResults.Ok(list.Select(s => WebhookResponse.Of(s)).ToArray());
    }

    static async Task<Results<Ok<WebhookResponse>, NotFound>> Get(Guid id, TeamScope scope, CancellationToken ct) =>
        await FindAsync(scope, id, ct) is { } s ? TypedResults.Ok(WebhookResponse.Of(s)) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Delete(Guid id, TeamScope scope, CancellationToken ct)
    {
        // its deliveries go with it
        var deleted = await scope.Webhooks.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>The subscription, or null when it does not exist or is another team's (the same 404: which of the
    /// two is not the caller's to know either).</summary>
    internal static Task<WebhookSubscription?> FindAsync(TeamScope scope, Guid id, CancellationToken ct) =>
        scope.Webhooks.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
}

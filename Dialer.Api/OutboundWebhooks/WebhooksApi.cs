using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.OutboundWebhooks;

/// <summary>
/// /api/webhooks: the URLs that hear the engine's events, for admins and marketers (<see cref="WebhookAccess"/>
/// decides which ones each may touch); their deliveries and replays are in <see cref="WebhookDeliveriesApi"/>.
/// </summary>
public static class WebhooksApi
{
    /// <summary>Per campaign, and for every campaign: enough for a CRM or two, not a fan-out service.</summary>
    public const int MaxPerScope = 20;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Marketer);
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapDelete("/{id:guid}", Delete);
        group.MapWebhookDeliveriesApi();
        return group;
    }

    static async Task<Results<Created<WebhookResponse>, ValidationProblem, ForbidHttpResult>> Create(
        CreateWebhookRequest request, DialerDb db, IOptions<WebhookOptions> options, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (!WebhookAccess.MayScope(user, request.CampaignId)) return TypedResults.Forbid();
        var errors = request.Validate(options.Value.AllowPrivateAddresses);
        if (request.CampaignId is { } cid && !await db.Campaigns.AnyAsync(c => c.Id == cid, ct))
            errors["campaignId"] = [$"No campaign {cid}."];
        if (errors.Count == 0
            && await db.WebhookSubscriptions.CountAsync(s => s.CampaignId == request.CampaignId, ct) >= MaxPerScope)
            errors["campaignId"] = [$"At most {MaxPerScope} subscriptions here: delete one first."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), Url = request.Url!.Trim(), Events = [.. request.Events!.Distinct()],
            CampaignId = request.CampaignId, Description = request.Description?.Trim(),
            Secret = request.Secret ?? CreateWebhookRequest.NewSecret(), CreatedBy = user.AuditId(), CreatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/webhooks/{subscription.Id}",
            WebhookResponse.Of(subscription, withSecret: true));
    }

    /// <param name="campaignId">only the subscriptions to this campaign</param>
    static async Task<Ok<WebhookResponse[]>> List(DialerDb db, ClaimsPrincipal user, CancellationToken ct,
        Guid? campaignId = null)
    {
        var admin = WebhookAccess.IsAdmin(user);
        var list = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => admin || s.CampaignId != null)
            .Where(s => campaignId == null || s.CampaignId == campaignId)
            .OrderBy(s => s.CreatedAt).Take(10 * MaxPerScope).ToListAsync(ct);
        return TypedResults.Ok(list.Select(s => WebhookResponse.Of(s)).ToArray());
    }

    static async Task<Results<Ok<WebhookResponse>, NotFound>> Get(Guid id, DialerDb db, ClaimsPrincipal user,
        CancellationToken ct) =>
        await FindAsync(db, id, user, ct) is { } s ? TypedResults.Ok(WebhookResponse.Of(s)) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Delete(Guid id, DialerDb db, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (await FindAsync(db, id, user, ct) is null) return TypedResults.NotFound();
        await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct); // its deliveries go with it
        return TypedResults.NoContent();
    }

    /// <summary>The subscription, or null when it does not exist or is not this user's to see (the same 404: which
    /// of the two is not theirs to know either).</summary>
    internal static async Task<WebhookSubscription?> FindAsync(DialerDb db, Guid id, ClaimsPrincipal user,
        CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } s
            && WebhookAccess.MayManage(user, s) ? s : null;
}

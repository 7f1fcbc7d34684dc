using Dialer.Api.Campaigns;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.OutboundWebhooks;

/// <summary>A subscription's deliveries, newest first, each with its last attempts; and replaying one.</summary>
public static class WebhookDeliveriesApi
{
    public const int AttemptsShown = 3;

    public static void MapWebhookDeliveriesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/deliveries", List).RequireTeamScope(TeamObject.Webhook);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:long}/replay", Replay).RequireTeamScope(TeamObject.Webhook);
    }

    /// <param name="state">Pending, Delivered or GaveUp; all when absent</param>
    static async Task<Results<Ok<Page<DeliveryResponse>>, NotFound, ValidationProblem>> List(Guid id, DialerDb db,
        TeamScope scope, CancellationToken ct, DeliveryState? state = null, int page = 1, int pageSize = 50)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        if (await WebhooksApi.FindAsync(scope, id, ct) is null) return TypedResults.NotFound();
        (page, pageSize) = Paging.Clamp(page, Math.Min(pageSize, 100));
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .Where(d => state == null || d.State == state);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new
            {
                Delivery = d,
                Last = db.WebhookAttempts.Where(a => a.DeliveryId == d.Id).OrderByDescending(a => a.Id)
                    .Take(AttemptsShown).Select(a => new AttemptResponse(a.At, a.StatusCode, a.Error, a.DurationMs))
                    .ToList(),
            }).ToListAsync(ct);
        var items = rows.Select(r => Of(r.Delivery, r.Last)).ToList();
        return TypedResults.Ok(new Page<DeliveryResponse>(items, page, pageSize, total));
    }

    static DeliveryResponse Of(WebhookDelivery d, IReadOnlyList<AttemptResponse> last) => new(d.Id, d.EventId,
        d.Event, d.OrderKey, d.State.ToString(), d.Attempts, d.CreatedAt,
        d.State == DeliveryState.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.ReplayOf, last);

    /// <summary>Sends the delivery's event again, as a new delivery (the same event id in the body), after whatever
    /// is still pending for the same contact.</summary>
    static async Task<Results<Accepted<DeliveryResponse>, NotFound, Conflict<ProblemDetails>>> Replay(Guid id,
        long deliveryId, DialerDb db, WebhookSignal signal, TimeProvider clock, TeamScope scope, CancellationToken ct)
    {
        if (await WebhooksApi.FindAsync(scope, id, ct) is null) return TypedResults.NotFound();
        var original = await db.WebhookDeliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct);
        if (original is null) return TypedResults.NotFound();
        // one replay in flight per delivery: pressing the button again queues nothing more
        if (await db.WebhookDeliveries.AnyAsync(d => d.ReplayOf == deliveryId && d.State == DeliveryState.Pending, ct))
            return Problems.Conflict(new Refusal("A replay of this delivery is still waiting to be sent."));
        var replay = original.Replay(clock.GetUtcNow());
        db.WebhookDeliveries.Add(replay);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return TypedResults.Accepted($"/api/webhooks/{id}/deliveries", Of(replay, []));
    }
}

using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dialer.ServiceDefaults.OutboundWebhooks;

/// <summary>
/// Sends due deliveries, in every Api and Worker. Each round claims, in one transaction held while it sends, the due
/// deliveries that have nothing pending before them for the same subscription and key (FOR UPDATE SKIP LOCKED:
/// several processes never send one delivery at the same time, and a contact's next event waits until the one
/// before it is delivered or given up), POSTs them side by side, and records each attempt.
/// </summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, WebhookHttp http, WebhookSignal signal,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> log) : BackgroundService
{
    static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);

    public sealed record Round(int Claimed, int Delivered);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await Task.Yield();
        var o = options.Value;
        var nextCleanup = clock.GetUtcNow();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var round = await SendOnceAsync(ct);
                // a delivery done may free the next one of its contact; a full batch may have more behind it
                if (round.Delivered > 0 || round.Claimed == o.BatchSize) continue;
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    await CleanUpAsync(ct);
                    nextCleanup = clock.GetUtcNow() + CleanupEvery;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Webhook round failed");
            }
            await signal.WaitAsync(TimeSpan.FromMilliseconds(o.PollMilliseconds), ct);
        }
    }

    public async Task<Round> SendOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var o = options.Value;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var now = clock.GetUtcNow();
            var due = await db.WebhookDeliveries.FromSql($"""
                SELECT d.* FROM webhook_deliveries d
                WHERE d.state = 'Pending' AND d.next_attempt_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                  WHERE e.subscription_id = d.subscription_id AND e.order_key = d.order_key
                                    AND e.state = 'Pending' AND e.id < d.id)
                ORDER BY d.id LIMIT {o.BatchSize} FOR UPDATE OF d SKIP LOCKED
                """).ToListAsync(token);
            if (due.Count == 0) return new Round(0, 0);

            var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
            var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, token);
            var outcomes = await Task.WhenAll(due.Select(d => http.PostAsync(subscriptions[d.SubscriptionId], d,
                clock.GetUtcNow(), token)));
            var delivered = 0;
            for (var i = 0; i < due.Count; i++)
            {
                var (d, outcome) = (due[i], outcomes[i]);
                db.WebhookAttempts.Add(d.Record(outcome.StatusCode, outcome.Error, outcome.Took, clock.GetUtcNow(), o));
                if (d.State == DeliveryState.Delivered) delivered++;
                else Note(d, outcome);
            }
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return new Round(due.Count, delivered);
        }, ct);
    }

    void Note(WebhookDelivery d, WebhookHttp.Outcome outcome)
    {
        if (d.State == DeliveryState.GaveUp)
            log.LogWarning("Webhook delivery {DeliveryId} ({Event}) to subscription {SubscriptionId} given up after "
                + "{Attempts} attempts: {Error}", d.Id, d.Event, d.SubscriptionId, d.Attempts, outcome.Error);
        else
            log.LogInformation("Webhook delivery {DeliveryId} ({Event}) to subscription {SubscriptionId} failed "
                + "({Error}); attempt {Attempts}, next at {NextAttemptAt}", d.Id, d.Event, d.SubscriptionId,
                outcome.Error, d.Attempts, d.NextAttemptAt);
    }

    async Task CleanUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.KeepDays);
        await db.WebhookDeliveries.Where(d => d.State != DeliveryState.Pending && d.CreatedAt < before)
            .ExecuteDeleteAsync(ct);
    }
}

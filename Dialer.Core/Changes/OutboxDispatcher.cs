using System.Text.Json;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dialer.Core.Changes;

/// <summary>
/// Publishes the outbox to RabbitMQ: woken by each commit with events (<see cref="OutboxSignal"/>) and polling besides,
/// so that what a crashed process left is sent by any other. Each round claims the oldest unpublished rows
/// (FOR UPDATE SKIP LOCKED: several processes share the table and never send one row twice at once), starts their
/// publishes in id order, marks the confirmed ones published and counts a failure on the others, which are retried with
/// a growing pause while the broker is down. Delivery is at least once: consumers already take a repeat calmly.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> log) : BackgroundService
{
    static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await Task.Yield();
        var o = options.Value;
        var failures = 0;
        var nextCleanup = clock.GetUtcNow();
        while (!ct.IsCancellationRequested)
        {
            var pause = TimeSpan.FromMilliseconds(o.PollMilliseconds);
            try
            {
                var round = await DispatchOnceAsync(ct);
                failures = round.Failed > 0 ? failures + 1 : 0;
                if (failures > 0) pause = Backoff(failures, o);
                else if (round.Claimed == o.BatchSize) continue; // more waiting: no pause
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    await CleanUpAsync(ct);
                    nextCleanup = clock.GetUtcNow() + CleanupEvery;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures++;
                pause = Backoff(failures, o);
                log.LogWarning(e, "Outbox round failed; trying again in {Pause}", pause);
            }
            // while the broker is down, a commit does not cut the pause short: the pause is for the broker's sake
            if (failures > 0) await Task.Delay(pause, clock, ct);
            else await signal.WaitAsync(pause, ct);
        }
    }

    static TimeSpan Backoff(int failures, OutboxOptions o) => TimeSpan.FromMilliseconds(
        Math.Min(250 * Math.Pow(2, Math.Min(failures - 1, 16)), o.MaxBackoffSeconds * 1000.0));

    public sealed record Round(int Claimed, int Published, int Failed);

    /// <summary>One batch: claim, publish, mark; in one transaction, so a crash leaves the rows to claim
    /// again.</summary>
    public async Task<Round> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var o = options.Value;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var rows = await db.OutboxMessages.FromSql($"""
                SELECT * FROM outbox_messages WHERE published_at IS NULL
                ORDER BY id LIMIT {o.BatchSize} FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(token);
            if (rows.Count == 0) return new Round(0, 0, 0);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.PublishTimeoutSeconds));
            var sent = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));
            // two statements for the whole batch, not one per row
            await db.Database.ExecuteSqlAsync($"""
                UPDATE outbox_messages SET published_at = {clock.GetUtcNow()}
                WHERE id = ANY({rows.Where((_, i) => sent[i] == true).Select(r => r.Id).ToArray()});
                UPDATE outbox_messages SET attempts = attempts + 1
                WHERE id = ANY({rows.Where((_, i) => sent[i] != true).Select(r => r.Id).ToArray()});
                """, token);
            await tx.CommitAsync(token);
            var failed = sent.Count(s => s == false);
            if (failed > 0)
                log.LogWarning("Outbox: {Failed} of {Claimed} events not published; retrying", failed, rows.Count);
            return new Round(rows.Count, sent.Count(s => s == true), failed);
        }, ct);
    }

    /// <returns>true when the broker confirmed it, false when not (down?), null when this process cannot read
    /// it</returns>
    async Task<bool?> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        if (OutboxTypes.Find(row.Type) is not { } type)
        {
            log.LogError("Outbox message {Id}: no type {Type} in this process; left for a process that has it",
                row.Id, row.Type);
            return null;
        }
        try
        {
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxTypes.Json)!;
            // MassTransit waits for a lost connection to come back, whatever the token says: the wait is cut here
            await bus.Publish(message, type, ct).WaitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || ct.IsCancellationRequested)
        {
            log.LogDebug(e, "Outbox message {Id} ({Type}) not published", row.Id, row.Type);
            return false;
        }
    }

    async Task CleanUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var before = clock.GetUtcNow() - TimeSpan.FromMinutes(options.Value.KeepPublishedMinutes);
        await db.OutboxMessages.Where(m => m.PublishedAt < before).ExecuteDeleteAsync(ct);
    }
}

using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Changes;

/// <summary>
/// The one way state changes: open a transaction, let the caller lock (<see cref="RowKind"/>'s order) and change rows
/// and publish events, save the rows with the events in the outbox, commit, and wake the dispatcher. A caller cannot
/// forget a step, and an event is never lost nor sent for a change that was not saved. Under a retrying execution
/// strategy the whole unit is retried from a clean slate, so <c>work</c> must read what it changes through the change.
/// The change's outbound webhook deliveries are written in the same transaction (<see cref="WebhookFanOut"/>), unless
/// <paramref name="interest"/> knows that no subscription wants its events.
/// </summary>
public sealed class StateChanges(DialerDb db, OutboxSignal signal, TimeProvider clock, WebhookSignal? hooks = null,
    WebhookInterest? interest = null)
{
    public async Task<T> RunAsync<T>(Func<StateChange, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var tries = 0;
        var woke = false;
        var hooked = false;
        // a unit that fails is retried whole, from a new transaction: a savepoint per save (two round trips each,
        // EF's default inside a transaction) would only let a failed save be rolled back to carry on, which no unit
        // does
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await RunOnceAsync();
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        async Task<T> RunOnceAsync()
        {
            var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                if (tries++ > 0) db.ChangeTracker.Clear(); // a retry starts from the database, not from the failed try
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var change = new StateChange(db, clock.GetUtcNow());
                void Saving(object? sender, SavingChangesEventArgs e) => change.NoteSaving();
                // the unit's own saves too: a row saved midway no longer shows what changed
                db.SavingChanges += Saving;
                try
                {
                    var result = await work(change, token);
                    if (change.Discarded)
                    {
                        await tx.RollbackAsync(token);
                        // what the refused change touched must not ride along with a later save
                        db.ChangeTracker.Clear();
                        return result;
                    }
                    await change.WriteOutboxAsync(token);
                    await db.SaveChangesAsync(token);
                    var wanted = change.Hooks();
                    var deliveries = interest?.MayWant(wanted.Select(h => h.Type)) == false ? 0
                        : await WebhookFanOut.WriteAsync(db, wanted, change.Now, token);
                    await tx.CommitAsync(token);
                    woke = change.HasEvents;
                    hooked = deliveries > 0;
                    return result;
                }
                finally
                {
                    db.SavingChanges -= Saving;
                }
            }, ct);
            if (woke) signal.Wake();
            if (hooked) hooks?.Wake();
            return result;
        }
    }

    public Task RunAsync(Func<StateChange, CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(async (change, token) =>
        {
            await work(change, token);
            return true;
        }, ct);
}

using System.Text.Json;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.OutboundWebhooks;
using Dialer.Core.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Changes;

/// <summary>
/// One change in progress, inside its transaction (<see cref="StateChanges.RunAsync{T}"/>): the rows it locks, in
/// <see cref="RowKind"/>'s order, and the events it publishes, which are saved with it and sent after the commit.
/// </summary>
public sealed class StateChange(DialerDb db, DateTimeOffset now)
{
    readonly LockOrder _locks = new();
    readonly List<object> _events = [];

    public DialerDb Db => db;
    public DateTimeOffset Now => now;
    internal bool Discarded { get; private set; }
    internal bool HasEvents => _events.Count > 0;

    /// <summary>Nothing of this change is saved and none of its events is sent (a refusal, or nothing to do).</summary>
    public void Discard() => Discarded = true;

    public Task<Campaign?> LockCampaignAsync(Guid id, CancellationToken ct)
    {
        _locks.Check(RowKind.Campaign, id);
        // xmin named: "*" leaves out the system column EF checks versions with
        return db.Campaigns.FromSql($"SELECT *, xmin FROM campaigns WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
    }

    public Task<CallAttempt?> LockAttemptAsync(Guid id, CancellationToken ct)
    {
        _locks.Check(RowKind.Attempt, id);
        return db.CallAttempts.FromSql($"SELECT * FROM call_attempts WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The attempt's transfer of that id, if it is the attempt's.</summary>
    public Task<CallTransfer?> LockTransferAsync(Guid attemptId, Guid transferId, CancellationToken ct)
    {
        _locks.Check(RowKind.Transfer, transferId);
        return db.CallTransfers.FromSql(
                $"SELECT * FROM call_transfers WHERE id = {transferId} AND attempt_id = {attemptId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
    }

    public Task<Contact?> LockContactAsync(long id, CancellationToken ct)
    {
        _locks.Check(RowKind.Contact, id);
        return db.Contacts.FromSql($"SELECT * FROM contacts WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
    }

    public Task<Agent?> LockAgentAsync(Guid id, CancellationToken ct)
    {
        _locks.Check(RowKind.Agent, id);
        return AgentLocks.ForUpdateAsync(db, id, ct);
    }

    /// <summary>Sends <paramref name="message"/> (by its runtime type) once the change commits; never if not.</summary>
    public void Publish(object message) => _events.Add(message);

    /// <summary>The moves the agent noted: logged in its history and published, with this change.</summary>
    public IReadOnlyList<AgentStateChange> Record(Agent agent)
    {
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        foreach (var m in moves)
            Publish(new AgentStateChanged(m.AgentId, m.From.ToString(), m.To.ToString(), m.Reason, m.AttemptId, m.At));
        return moves;
    }

    readonly List<WebhookFanOut.Hook> _savedRowHooks = [];

    /// <summary>Called as each save of this change starts (a unit may save more than once).</summary>
    internal void NoteSaving() => _savedRowHooks.AddRange(WebhookFanOut.FromSavedRows(db, now));

    /// <summary>The outbound webhooks' view of this change, once its last save is done.</summary>
    internal List<WebhookFanOut.Hook> Hooks() => [.. WebhookFanOut.FromMessages(_events), .. _savedRowHooks];

    /// <summary>
    /// From this many events on, one INSERT for them all rather than one each with the change's save.
    /// </summary>
    const int BulkFrom = 8;

    internal async Task WriteOutboxAsync(CancellationToken ct)
    {
        var rows = _events.Select(e => new OutboxMessage
        {
            Type = OutboxTypes.NameOf(e.GetType()),
            Body = JsonSerializer.Serialize(e, e.GetType(), OutboxTypes.Json),
            CreatedAt = now,
        }).ToList();
        if (rows.Count >= BulkFrom) await BulkInsert.ExecuteAsync(db, rows, ct); // in publishing order
        else db.OutboxMessages.AddRange(rows);
    }
}

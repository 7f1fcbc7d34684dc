using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>
/// The one way an attempt changes after its claim: under its row lock, so a create's answer and its
/// callbacks, arriving together in any order, apply one at a time; its contact's next attempt is set
/// when it ends; and the change goes out as an event after the commit.
/// </summary>
public sealed class AttemptUpdates(DialerDb db, IPublishEndpoint bus, TimeProvider clock, ILogger<AttemptUpdates> log, DialerMetrics metrics)
{
    readonly List<object> _extra = [];
    List<object>? _held;

    /// <summary>
    /// The answer webhook answers Twilio first and publishes after: it calls this before ApplyAsync, and takes the
    /// events with <see cref="TakeHeldEvents"/>. A crash in between loses them exactly as a crash after the commit would.
    /// </summary>
    public void HoldEvents() => _held = [];

    public IReadOnlyList<object> TakeHeldEvents()
    {
        var held = _held ?? [];
        _held = null;
        return held;
    }

    /// <returns>the attempt after the change, or null when it does not exist</returns>
    public Task<CallAttempt?> ApplyAsync(Guid attemptId, Func<CallAttempt, bool> change, CancellationToken ct) =>
        ApplyAsync(attemptId, (a, _) => Task.FromResult(change(a)), ct);

    /// <summary>
    /// As above, for a change that needs the database itself (the agent reservation): it runs inside the
    /// attempt's transaction, so the attempt and its agent commit together or not at all.
    /// </summary>
    public async Task<CallAttempt?> ApplyAsync(Guid attemptId, Func<CallAttempt, CancellationToken, Task<bool>> change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var attempt = await db.CallAttempts.FromSql($"SELECT * FROM call_attempts WHERE id = {attemptId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (attempt is null) return null;

        var before = (attempt.State, attempt.AnsweredAt, attempt.BridgedAt);
        if (!await change(attempt, ct))
        {
            _extra.Clear();
            await tx.RollbackAsync(ct);
            return attempt;
        }
        if (!before.State.IsFinal() && attempt.IsFinal && attempt.AnsweredUnrouted)
        {
            var mode = (await db.Campaigns.Where(c => c.Id == attempt.CampaignId).Select(c => c.Settings).SingleAsync(ct)).Mode;
            if (mode != Core.Pacing.DialingMode.Agentless) attempt.EndedBeforeRouting();
        }
        attempt.SettleAbandon(now);
        var agentMoves = new List<AgentStateChange>();
        if (!before.State.IsFinal() && attempt.IsFinal)
        {
            await RecordOnContactAsync(attempt, now, ct);
            agentMoves.AddRange(await EndAgentCallAsync(attempt, now, ct));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        log.LogInformation("Attempt {AttemptId} of campaign {CampaignId}: {From} -> {To} (call {CallSid})",
            attempt.Id, attempt.CampaignId, before.State, attempt.State, attempt.CallSid);
        Count(attempt, before.State, before.AnsweredAt, before.BridgedAt);
        await PublishAsync(attempt, before.State, before.AnsweredAt, agentMoves, now, ct);
        return attempt;
    }

    /// <summary>The customer's call is over, so is the agent's: their wrap-up starts now.</summary>
    async Task<IReadOnlyList<AgentStateChange>> EndAgentCallAsync(CallAttempt attempt, DateTimeOffset now, CancellationToken ct)
    {
        if (attempt.AgentId is not { } agentId) return [];
        var agent = await AgentLocks.ForUpdateAsync(db, agentId, ct);
        if (agent is null || !agent.CallEnded(attempt.Id, now)) return [];
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        return moves;
    }

    async Task RecordOnContactAsync(CallAttempt attempt, DateTimeOffset now, CancellationToken ct)
    {
        var contact = await db.Contacts.FromSql($"SELECT * FROM contacts WHERE id = {attempt.ContactId} FOR UPDATE").SingleAsync(ct);
        var settings = await db.Campaigns.Where(c => c.Id == attempt.CampaignId).Select(c => c.Settings).SingleAsync(ct);
        var sameBefore = await db.CallAttempts.CountAsync(a => a.ContactId == contact.Id && a.Id != attempt.Id && a.Outcome == attempt.Outcome, ct);
        contact.Record(attempt, settings, sameBefore, now);
    }

    /// <summary>Sends <paramref name="message"/> with the change's own events, after the commit (the answer webhook's screen pop).</summary>
    public void PublishAfterCommit(object message) => _extra.Add(message);

    /// <summary>All at once: each publish waits for the broker's confirm, and the answer webhook waits for them all.</summary>
    async Task PublishAsync(CallAttempt a, AttemptState before, DateTimeOffset? answeredBefore, IEnumerable<AgentStateChange> moves,
        DateTimeOffset now, CancellationToken ct)
    {
        var events = new List<object>(_extra);
        _extra.Clear();
        if (a.AnsweredAt is not null && answeredBefore is null)
            events.Add(new CallAnswered(a.Id, a.CampaignId, a.AnsweredBy, a.AnsweredAt.Value));
        if (a.IsFinal)
            events.Add(new CallCompleted(a.Id, a.CampaignId, a.Outcome ?? "failed", a.AnsweredBy, a.DurationSeconds, a.EndedAt ?? now));
        else if (a.State != before)
            events.Add(new CallStatusChanged(a.Id, a.CampaignId, a.State.ToString(), now));
        events.AddRange(moves.Select(AgentSaves.EventOf));
        if (_held is not null)
        {
            _held.AddRange(events);
            return;
        }
        await Task.WhenAll(events.Select(e => bus.Publish(e, e.GetType(), ct)));
    }

    void Count(CallAttempt a, AttemptState before, DateTimeOffset? answeredBefore, DateTimeOffset? bridgedBefore)
    {
        if (a is { BridgedAt: { } bridged, AnsweredAt: { } answered } && bridgedBefore is null) metrics.AgentConnected(bridged - answered);
        if (before is AttemptState.Dialing or AttemptState.Unknown && a.CallSid is not null && a.State is not (AttemptState.Dialing or AttemptState.Unknown))
            metrics.Dialed();
        if (a.AnsweredAt is not null && answeredBefore is null) metrics.Answered(a.AnsweredBy);
        if (!before.IsFinal() && a.IsFinal && CallFigures.Abandoned.Is(a)) metrics.Abandoned();
    }
}

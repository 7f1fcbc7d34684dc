using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>
/// The one way an attempt changes after its claim: under its row lock (and its contact's), so a create's answer and
/// its callbacks, arriving together in any order, apply one at a time; its contact's next attempt is set when it ends;
/// and the change's events are saved with it, for the outbox to send.
/// </summary>
public sealed class AttemptUpdates(StateChanges changes, DialLead lead, ILogger<AttemptUpdates> log,
    DialerMetrics metrics, CallerIds.CallerIdCounts callerIdCounts, AttemptsSeen seen)
{
    /// <returns>the attempt after the change, or null when it does not exist</returns>
    public Task<CallAttempt?> ApplyAsync(Guid attemptId, Func<CallAttempt, bool> change, CancellationToken ct) =>
        ApplyAsync(attemptId, (a, _, _) => Task.FromResult(change(a)), ct);

    /// <summary>
    /// As above, for a change that locks and changes more (the agent reservation) or publishes events of its own: it
    /// runs inside the attempt's unit of work, so the attempt and its agent commit together or not at all.
    /// </summary>
    /// <param name="neverEnds">the change cannot end the call (the answer): its contact, which only an end writes,
    /// is not locked, one round trip fewer on the answer's path</param>
    public async Task<CallAttempt?> ApplyAsync(Guid attemptId,
        Func<CallAttempt, StateChange, CancellationToken, Task<bool>> change, CancellationToken ct,
        bool neverEnds = false)
    {
        var applied = await changes.RunAsync(async (unit, token) =>
        {
            var attempt = await unit.LockAttemptAsync(attemptId, token);
            if (attempt is null) return null;
            // the contact before any agent the change may lock: the change may end the call, which the contact records
            var contact = neverEnds ? null : (await unit.LockContactAsync(attempt.ContactId, token))!;
            var before = new Before(attempt.State, attempt.AnsweredAt, attempt.BridgedAt);
            if (!await change(attempt, unit, token))
            {
                unit.Discard();
                return new Applied(attempt, before, false);
            }
            await SettleAsync(unit, attempt, contact, before, token);
            return new Applied(attempt, before, true);
        }, ct);
        if (applied is not { Changed: true, Attempt: var a, Before: var was }) return applied?.Attempt;
        seen.Committed(a);
        log.LogInformation("Attempt {AttemptId} of campaign {CampaignId}: {From} -> {To} (call {CallSid})",
            a.Id, a.CampaignId, was.State, a.State, a.CallSid);
        Count(a, was.State, was.AnsweredAt, was.BridgedAt);
        if (a.AnsweredAt is not null && was.AnsweredAt is null && a.CallerId is { } callerId)
            callerIdCounts.Answer(callerId, a.DialedAt ?? a.CreatedAt);
        return a;
    }

    sealed record Before(AttemptState State, DateTimeOffset? AnsweredAt, DateTimeOffset? BridgedAt);

    sealed record Applied(CallAttempt Attempt, Before Before, bool Changed);

    async Task SettleAsync(StateChange unit, CallAttempt attempt, Contact? contact, Before before,
        CancellationToken ct)
    {
        var now = unit.Now;
        var db = unit.Db;
        var ended = !before.State.IsFinal() && attempt.IsFinal;
        var settings = ended
            ? await db.Campaigns.Where(c => c.Id == attempt.CampaignId).Select(c => c.Settings).SingleAsync(ct)
            : null;
        if (ended && attempt.AnsweredUnrouted && settings!.Mode != Core.Pacing.DialingMode.Agentless)
            attempt.EndedBeforeRouting();
        attempt.SettleAbandon(now);
        if (ended)
        {
            if (contact is null)
                throw new InvalidOperationException($"Attempt {attempt.Id} ended in a change declared never to end it");
            var earlier = await db.CallAttempts.AsNoTracking()
                .Where(a => a.ContactId == contact.Id && a.Id != attempt.Id).ToListAsync(ct);
            var (sameEnd, sameDisposition) = ContactOutcome.SameBefore(attempt, earlier, settings!);
            contact.Record(attempt, settings!, sameEnd, now, lead, sameDisposition);
            await ContactNextNumber.AfterAttemptAsync(db, contact, attempt, settings!, now, ct);
            // the customer's call is over, so is the agent's: their wrap-up starts now
            if (attempt.AgentId is { } agentId && await unit.LockAgentAsync(agentId, ct) is { } agent
                && agent.CallEnded(attempt.Id, now))
                unit.Record(agent);
        }
        if (attempt.AnsweredAt is { } answered && before.AnsweredAt is null)
            unit.Publish(new CallAnswered(attempt.Id, attempt.CampaignId, attempt.AnsweredBy, answered));
        if (attempt.IsFinal)
            unit.Publish(new CallCompleted(attempt.Id, attempt.CampaignId, attempt.Outcome ?? "failed",
                attempt.AnsweredBy, attempt.DurationSeconds, attempt.EndedAt ?? now));
        else if (attempt.State != before.State)
            unit.Publish(new CallStatusChanged(attempt.Id, attempt.CampaignId, attempt.State.ToString(), now));
    }

    void Count(CallAttempt a, AttemptState before, DateTimeOffset? answeredBefore, DateTimeOffset? bridgedBefore)
    {
        if (a is { BridgedAt: { } bridged, AnsweredAt: { } answered } && bridgedBefore is null)
            metrics.AgentConnected(bridged - answered);
        if (before is AttemptState.Dialing or AttemptState.Unknown && a.CallSid is not null
            && a.State is not (AttemptState.Dialing or AttemptState.Unknown))
            metrics.Dialed();
        if (a.AnsweredAt is not null && answeredBefore is null) metrics.Answered(a.AnsweredBy);
        if (!before.IsFinal() && a.IsFinal && CallFigures.Abandoned.Is(a)) metrics.Abandoned();
    }
}

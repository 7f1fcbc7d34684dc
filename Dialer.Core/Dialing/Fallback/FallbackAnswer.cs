using Dialer.Core.Changes;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing.Fallback;

/// <summary>
/// A customer's answer that got the fallback message instead of an agent: the Worker's answer failed (the database
/// down), or no Worker answered and the Api did. It is a live answer nobody was there for, so the abandon rate counts
/// it.
/// </summary>
public sealed record FallbackAnswer(Guid AttemptId, string? CallSid, bool Machine, DateTimeOffset At)
{
    /// <summary>
    /// Records the answer and frees an agent reserved for it; the campaign's settings back (its safe-harbour message is
    /// owed), or null when
    /// the attempt is unknown. An attempt already ended (its last callback came first) is still marked: its customer
    /// heard the message.
    /// </summary>
    public Task<Campaigns.CampaignSettings?> RecordAsync(StateChanges changes, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var attempt = await unit.LockAttemptAsync(AttemptId, token);
            if (attempt is null) return (Campaigns.CampaignSettings?)null;
            var ended = attempt.IsFinal;
            // a Worker killed before it saved the create's answer: this may be the first the engine hears of the call
            attempt.AdoptCall(CallSid);
            attempt.AnsweredOnFallback(Machine, At);
            // a Worker that reserved an agent and died before Twilio heard its answer: nobody will join that room
            if (!ended && attempt.AgentId is { } agentId && await unit.LockAgentAsync(agentId, token) is { } agent
                && agent.RoomEmpty(attempt.Id, unit.Now))
                unit.Record(agent);
            return ended ? null : (await unit.Db.Campaigns.AsNoTracking().Where(c => c.Id == attempt.CampaignId)
                .Select(c => c.Settings).SingleAsync(token));
        }, ct);
}

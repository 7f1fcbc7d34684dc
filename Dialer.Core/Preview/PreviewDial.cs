using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Preview;

/// <summary>
/// The dial of a previewed contact: the attempt to publish and the agent's moves, or why it was refused.
/// </summary>
public sealed record PreviewDialResult(CallAttempt? Attempt, Refusal? Refusal, string? PermitRefusal = null);

/// <summary>
/// Dials the contact an agent holds, the pacing job's way: the permit again, one attempt row and its PlaceCall to the
/// Worker, in one unit of work. The agent is reserved for the attempt from here, so the answer is bridged to them.
/// </summary>
public sealed class PreviewDial(DialerDb db, ContactClaimer claimer, StateChanges changes)
{
    public Task<PreviewDialResult> DialAsync(Guid agentId, long contactId, CancellationToken ct) =>
        changes.RunAsync((unit, token) => DialAsync(unit, agentId, contactId, token), ct);

    async Task<PreviewDialResult> DialAsync(StateChange unit, Guid agentId, long contactId, CancellationToken token)
    {
        var now = unit.Now;
        var contact = await unit.LockContactAsync(contactId, token);
        if (contact is null || !contact.IsHeldBy(agentId, now)) return Refused(unit, Contact.NotHeld);
        var agent = await unit.LockAgentAsync(agentId, token);
        if (agent is null) return Refused(unit, new Refusal("No agent record."));
        if (agent.PreviewDialRefusal() is { } notReady) return Refused(unit, notReady);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == contact.CampaignId, token);

        if (await claimer.RecheckAsync(campaign, contact, now, token) is { } permit)
        {
            contact.ReleaseHold();
            contact.Defer(campaign.Settings, permit, now, claimer.Lead);
            await PreviewCardLog.EndAsync(db, agentId, contactId, PreviewCardOutcome.Withdrawn, now, token);
            return new PreviewDialResult(null, new Refusal($"This contact may not be called now ({permit})."), permit);
        }

        var attempt = claimer.StartAttempt(unit, campaign, contact);
        attempt.AgentId = agentId;
        agent.TryReserveForPreviewDial(attempt.Id, now);
        contact.ReleaseHold();
        await PreviewCardLog.EndAsync(db, agentId, contactId, PreviewCardOutcome.Dialed, now, token);
        unit.Record(agent);
        return new PreviewDialResult(attempt, null);
    }

    static PreviewDialResult Refused(StateChange unit, Refusal refusal)
    {
        unit.Discard();
        return new PreviewDialResult(null, refusal);
    }
}

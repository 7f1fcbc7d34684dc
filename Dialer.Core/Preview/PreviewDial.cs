using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Preview;

/// <summary>The dial of a previewed contact: the attempt to publish and the agent's moves, or why it was refused.</summary>
public sealed record PreviewDialResult(CallAttempt? Attempt, Refusal? Refusal, string? PermitRefusal = null);

/// <summary>
/// Dials the contact an agent holds, the pacing job's way: the permit again, one attempt row (the outbox), PlaceCall
/// over RabbitMQ to the Worker. The agent is reserved for the attempt from here, so the answer is bridged to them.
/// </summary>
public sealed class PreviewDial(DialerDb db, ContactClaimer claimer, IPublishEndpoint bus, TimeProvider clock)
{
    public async Task<PreviewDialResult> DialAsync(Guid agentId, long contactId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<AgentStateChange> moves;
        CallAttempt attempt;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // the contact, then the agent: the order the disposition takes them in
            var contact = await db.Contacts.FromSql($"SELECT * FROM contacts WHERE id = {contactId} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (contact is null || !contact.IsHeldBy(agentId, now)) return new(null, Contact.NotHeld);
            var agent = await AgentLocks.ForUpdateAsync(db, agentId, ct);
            if (agent is null) return new(null, new Refusal("No agent record."));
            if (agent.PreviewDialRefusal() is { } notReady) return new(null, notReady);
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == contact.CampaignId, ct);

            if (await claimer.RecheckAsync(campaign, contact, now, ct) is { } permit)
            {
                contact.ReleaseHold();
                // a paused campaign is no fault of the contact's: it keeps its place
                if (permit != DialPermit.CampaignNotRunning) ContactClaimer.Defer(contact, campaign, permit, now);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new(null, new Refusal($"This contact may not be called now ({permit})."), permit);
            }

            attempt = claimer.StartAttempt(campaign, contact, now);
            attempt.AgentId = agentId;
            agent.TryReserveForPreviewDial(attempt.Id, now);
            contact.ReleaseHold();
            moves = agent.TakeMoves();
            db.AgentStateChanges.AddRange(moves);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await AttemptOutbox.PublishAsync(db, bus, [attempt], clock, ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
        return new(attempt, null);
    }
}

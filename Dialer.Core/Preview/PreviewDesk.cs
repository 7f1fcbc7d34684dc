using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Pacing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Preview;

/// <summary>What an agent of a preview campaign holds: the contact and its campaign, or why they got none.</summary>
public sealed record PreviewHold(Contact? Contact, Campaign? Campaign, Refusal? Refusal = null)
{
    public static readonly PreviewHold Nothing = new(null, null);
}

/// <summary>
/// The agents' side of preview dialing: claim the next contact for one agent through the same claimer and
/// permit as the pacing job, skip it, or dial it (<see cref="PreviewDial"/>).
/// </summary>
public sealed class PreviewDesk(DialerDb db, ContactClaimer claimer, StateChanges changes)
{
    public async Task<PreviewHold> HeldByAsync(Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking()
            .FirstOrDefaultAsync(c => c.HeldByAgentId == agentId && c.HeldUntil > now, ct);
        if (contact is null) return PreviewHold.Nothing;
        return new(contact, await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == contact.CampaignId, ct));
    }

    /// <summary>
    /// The contact the agent already holds, else the next lawful one of their running preview campaigns.
    /// </summary>
    public Task<PreviewHold> ClaimAsync(Guid agentId, TimeSpan holdFor, DateTimeOffset now, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            // one claim per agent at a time: a double click holds one contact, not two. The agent before the contacts,
            // against the usual order: the contacts are taken with SKIP LOCKED, so no other change waits on this one
            var agent = await AgentLocks.ForUpdateAsync(db, agentId, token);
            if (agent is null) return Refused(unit, new Refusal("No agent record."));
            if (await HeldByAsync(agentId, now, token) is { Contact: not null } held) return held;
            if (agent.State != AgentState.Available)
                return Refused(unit,
                    new Refusal($"You are {agent.State}: preview takes a contact only while you are Available."));

            var campaigns = (await db.Campaigns.Where(c => agent.CampaignIds.Contains(c.Id)
                && c.Status == CampaignStatus.Running)
                    .ToListAsync(token))
                .Where(c => c.Settings.Mode == DialingMode.Preview).OrderByDescending(c => c.Settings.Priority)
                .ToList();
            if (campaigns.Count == 0)
                return Refused(unit, new Refusal("None of your campaigns is a running preview campaign."));

            foreach (var campaign in campaigns)
                if (await HoldNextAsync(campaign, agentId, now + holdFor, now, token) is { } contact)
                    return new PreviewHold(contact, campaign);
            return PreviewHold.Nothing;
        }, ct);

    static PreviewHold Refused(StateChange unit, Refusal refusal)
    {
        unit.Discard();
        return new(null, null, refusal);
    }

    /// <summary>
    /// One candidate at a time: a wider SKIP LOCKED scan would let the first of several agents claiming together lock
    /// every due contact and leave the others with none. A refused candidate is deferred (saved in this transaction)
    /// and the next tried.
    /// </summary>
    async Task<Contact?> HoldNextAsync(Campaign campaign, Guid agentId, DateTimeOffset until, DateTimeOffset now,
        CancellationToken ct)
    {
        for (var round = 0; round < MaxRefusalsPerClaim; round++)
        {
            var (permitted, scanned) = await claimer.LockPermittedAsync(campaign, 1, now, ct, scan: 1);
            if (permitted is [var contact])
            {
                contact.HoldFor(agentId, until);
                return contact;
            }
            if (scanned == 0) return null;
            await db.SaveChangesAsync(ct);
        }
        return null; // many refusals in a row: they are deferred now, so the agent's next claim goes on past them
    }

    const int MaxRefusalsPerClaim = 50;

    public Task<Refusal?> SkipAsync(Guid agentId, long contactId, string? reason, TimeSpan comeBackAfter,
        DateTimeOffset now, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var contact = await unit.LockContactAsync(contactId, token);
            var refusal = contact is null ? Contact.NotHeld : contact.TrySkip(agentId, reason, comeBackAfter, now);
            if (refusal is not null) unit.Discard();
            return refusal;
        }, ct);
}

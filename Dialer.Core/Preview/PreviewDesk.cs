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
public sealed record PreviewHold(Contact? Contact, Campaign? Campaign, Refusal? Refusal = null,
    SkipCapReached? OverCap = null)
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
    /// The contact the agent already holds, else the next lawful one of their running preview campaigns, unless they
    /// passed over <paramref name="maxSkipsPerHour"/> cards in the last hour. Each new card is logged with the claim.
    /// </summary>
    public Task<PreviewHold> ClaimAsync(Guid agentId, TimeSpan holdFor, int maxSkipsPerHour, DateTimeOffset now,
        CancellationToken ct) =>
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

            await PreviewCardLog.LapseOpenAsync(db, agentId, now, token);
            await db.SaveChangesAsync(token); // the count below reads the lapses
            if (await SkipCap.CheckAsync(db, agentId, maxSkipsPerHour, now, token) is { } over)
                return new PreviewHold(null, null, OverCap: over); // the lapses stay recorded

            var campaigns = (await db.Campaigns.Where(c => agent.CampaignIds.Contains(c.Id)
                && c.Status == CampaignStatus.Running)
                    .ToListAsync(token))
                .Where(c => c.Settings.Mode == DialingMode.Preview).OrderByDescending(c => c.Settings.Priority)
                .ToList();
            if (campaigns.Count == 0)
                return Refused(unit, new Refusal("None of your campaigns is a running preview campaign."));

            foreach (var campaign in campaigns)
                if (await HoldNextAsync(campaign, agentId, now + holdFor, now, token) is { } contact)
                {
                    PreviewCardLog.Shown(db, agentId, contact.Id, campaign.Id, now, now + holdFor);
                    return new PreviewHold(contact, campaign);
                }
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

    /// <summary>
    /// Lets the held contact go for <paramref name="comeBackAfter"/>, unless the agent passed over
    /// <paramref name="maxSkipsPerHour"/> cards in the last hour.
    /// </summary>
    public Task<SkipResult> SkipAsync(Guid agentId, long contactId, string? reason, TimeSpan comeBackAfter,
        int maxSkipsPerHour, DateTimeOffset now, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var contact = await unit.LockContactAsync(contactId, token);
            if (contact is null || !contact.IsHeldBy(agentId, now)) return Discarded(unit, new(Contact.NotHeld));
            // the agent's lock makes the count and the skip one step, across every Api instance
            if (await unit.LockAgentAsync(agentId, token) is null)
                return Discarded(unit, new(new Refusal("No agent record.")));
            if (await SkipCap.CheckAsync(db, agentId, maxSkipsPerHour, now, token) is { } over)
                return Discarded(unit, new(OverCap: over));

            if (contact.TrySkip(agentId, reason, comeBackAfter, now) is { } refusal)
                return Discarded(unit, new(refusal));
            await PreviewCardLog.EndAsync(db, agentId, contactId, PreviewCardOutcome.Skipped, now, token);
            return SkipResult.Done;
        }, ct);

    static SkipResult Discarded(StateChange unit, SkipResult result)
    {
        unit.Discard();
        return result;
    }
}

/// <summary>A skip: done, refused (409), or over the cap (429).</summary>
public sealed record SkipResult(Refusal? Refusal = null, SkipCapReached? OverCap = null)
{
    public static readonly SkipResult Done = new();
}

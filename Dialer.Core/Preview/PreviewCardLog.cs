using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Preview;

/// <summary>The card log's writes, each inside the unit of work of the claim, skip or dial it records.</summary>
public static class PreviewCardLog
{
    public static void Shown(DialerDb db, Guid agentId, long contactId, Guid campaignId, DateTimeOffset now,
        DateTimeOffset heldUntil) =>
        db.PreviewCards.Add(new PreviewCardShown
        {
            AgentId = agentId, ContactId = contactId, CampaignId = campaignId, ShownAt = now, HeldUntil = heldUntil,
        });

    /// <summary>Ends the agent's open card of this contact, if any (a hold from before the log has none).</summary>
    public static async Task EndAsync(DialerDb db, Guid agentId, long contactId, PreviewCardOutcome outcome,
        DateTimeOffset now, CancellationToken ct)
    {
        var card = await db.PreviewCards
            .Where(c => c.AgentId == agentId && c.ContactId == contactId && c.Outcome == null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        card?.End(outcome, now);
    }

    /// <summary>
    /// Cards the agent neither skipped nor dialed and no longer holds are lapsed: they count toward the skip cap,
    /// or waiting out each hold would show as many cards as skipping.
    /// </summary>
    public static async Task LapseOpenAsync(DialerDb db, Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.PreviewCards.Where(c => c.AgentId == agentId && c.Outcome == null).ToListAsync(ct);
        foreach (var card in open) card.End(PreviewCardOutcome.Lapsed, card.HeldUntil < now ? card.HeldUntil : now);
    }
}

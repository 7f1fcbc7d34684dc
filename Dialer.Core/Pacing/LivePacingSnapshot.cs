using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Pacing;

/// <summary>What the pacer of a running campaign sees, read from the database each tick.</summary>
public static class LivePacingSnapshot
{
    /// <summary>
    /// How long a live call waits for an agent in production: not at all. The answer webhook reserves a free agent in
    /// the answer's own transaction or plays the safe-harbour message, so the pacer must find an agent free at the
    /// answer itself; a model allowing a hold would count agents who free a moment later and over-dial.
    /// </summary>
    public const double HoldSeconds = 0;

    public static async Task<PacingSnapshot> BuildAsync(DialerDb db, Campaign campaign, AbandonBudget budget,
        DateTimeOffset now, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking()
            .Where(AgentFigures.Staffed).Where(a => a.CampaignIds.Contains(campaign.Id))
            .Select(a => new { a.State, a.StateSince }).ToListAsync(ct);
        var lines = await db.CallAttempts.AsNoTracking()
            .Where(a => a.CampaignId == campaign.Id && a.State < AttemptState.Completed)
            .Select(a => new { a.State, a.CreatedAt, a.DialedAt, a.AnsweredAt, a.AgentId }).ToListAsync(ct);

        // a reserved agent's phone is still ringing: their talk has not begun, however long the reservation is
        var views = agents.Select(a => new AgentView(Activity(a.State),
            a.State == AgentState.Reserved ? 0 : (now - a.StateSince).TotalSeconds)).ToList();
        // a line's ring starts when it is sent to Twilio: one still queued here has not rung at all, and counting its
        // wait as ringing would make it look like a no-answer in the making, so the pacer would open more lines behind
        // it
        var ringing = lines.Where(l => l.State < AttemptState.InProgress)
            .Select(l => l.DialedAt is { } dialed && l.State >= AttemptState.Queued
                ? Math.Max(0, (now - dialed).TotalSeconds) : 0).ToList();
        // answered and not with an agent: waiting for one, or hearing a message (agentless) — a line in use either
        // way
        var waiting = lines.Where(l => l.State == AttemptState.InProgress && l.AgentId is null)
            .Select(l => (now - (l.AnsweredAt ?? l.CreatedAt)).TotalSeconds).ToList();
        return new PacingSnapshot((now - (campaign.StartedAt ?? now)).TotalSeconds, views, ringing, waiting, budget,
            SettingsOf(campaign.Settings));
    }

    public static PacingSettings SettingsOf(CampaignSettings s) => new()
    {
        Mode = s.Mode,
        AbandonTarget = s.AbandonTarget,
        LinesPerAgentCeiling = s.MaxLinesPerAgent,
        PowerRatio = s.LinesPerAgent,
        AgentlessLineCap = s.AgentlessLineCap,
        MinReadySeconds = s.MinReadySeconds,
        HoldSeconds = HoldSeconds,
    };

    static AgentActivity Activity(AgentState state) => state switch
    {
        AgentState.Available => AgentActivity.Idle,
        AgentState.WrapUp => AgentActivity.WrapUp,
        _ => AgentActivity.Talking, // reserved or on a call: busy with a person
    };
}

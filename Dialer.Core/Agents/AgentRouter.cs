using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Agents;

public sealed record ReservedAgent(Guid AgentId);

/// <summary>
/// Gives an answered call to the campaign's agent who has been Available longest, with their line open to take it.
/// </summary>
public static class AgentRouter
{
    /// <summary>
    /// One statement: pick, reserve and log. SKIP LOCKED makes two answers arriving together take two
    /// different agents instead of queueing on the first, and the outer "state = 'Available'" re-check
    /// means a row changed since the pick is never taken.
    /// </summary>
    /// <param name="only">this agent or nobody (a transfer to a chosen agent); null: the longest idle</param>
    /// <returns>the reserved agent, or null when none is free</returns>
    public static async Task<ReservedAgent?> ReserveAsync(DialerDb db, Guid campaignId, Guid attemptId,
        double minReadySeconds, DateTimeOffset now, CancellationToken ct, Guid? only = null,
        string reason = "call answered")
    {
        var readySince = now.AddSeconds(-minReadySeconds);
        var rows = await db.Database.SqlQuery<ReservedAgent>($"""
            WITH picked AS (
                UPDATE agents SET state = 'Reserved', state_since = {now}, current_attempt_id = {attemptId},
                  break_reason = NULL
                WHERE id = (SELECT id FROM agents
                            WHERE state = 'Available' AND line_state = 'Open'
                              AND campaign_ids @> ARRAY[{campaignId}]::uuid[] AND state_since <= {readySince}
                              AND ({only}::uuid IS NULL OR id = {only}::uuid)
                            ORDER BY state_since LIMIT 1 FOR UPDATE SKIP LOCKED)
                  AND state = 'Available' AND line_state = 'Open'
                RETURNING id),
            logged AS (
                INSERT INTO agent_state_changes (agent_id, from_state, to_state, reason, attempt_id, at)
                SELECT id, 'Available', 'Reserved', {reason}, {attemptId}, {now} FROM picked)
            SELECT id AS agent_id FROM picked
            """).ToListAsync(ct);
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// The agents the reservation above could take now, to show (a transfer's choice of agent); only the reservation
    /// decides, so a stale list costs a refusal, never a wrong reservation.
    /// </summary>
    public static IQueryable<Agent> Routable(this IQueryable<Agent> agents, Guid campaignId) =>
        agents.Where(a => a.State == AgentState.Available && a.LineState == Lines.LineState.Open
            && a.CampaignIds.Contains(campaignId));
}

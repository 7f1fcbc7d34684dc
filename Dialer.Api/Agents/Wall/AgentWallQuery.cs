using Dialer.Api.Reporting;
using Dialer.Core.Data;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// One row of the managers' agent wall: the agent's state now and their figures for today (UTC), all from SQL.
/// Occupancy = (talk + wrap-up) / logged-in time; talk is time OnCall.
/// </summary>
/// <param name="AsOf">the instant the figures were read: the page adds the time since to the running state's bucket</param>
/// <param name="WrapUpLimitSeconds">the current call's campaign's maximum wrap-up</param>
/// <param name="UsualTalkSeconds">the average connected call of the current call's campaign over the past week, when known</param>
public sealed record AgentWallRow(
    Guid AgentId, string Name, string State, DateTimeOffset Since, string? BreakReason, Guid[] CampaignIds, string[] Campaigns,
    Guid? CurrentAttemptId, DateTimeOffset? ConsoleDisconnectedAt, AgentWallRow.PendingLogout? LogoutPending,
    long CallsToday, long ConversionsToday, long TalkSecondsToday, long WrapUpSecondsToday, long LoggedInSecondsToday, double Occupancy,
    int? WrapUpLimitSeconds, double? UsualTalkSeconds, DateTimeOffset AsOf)
{
    public sealed record PendingLogout(DateTimeOffset At, string? By, string? Reason);
}

public static class AgentWallQuery
{
    /// <summary>Every agent (or the ones in <paramref name="ids"/>), by name.</summary>
    public static Task<List<AgentWallRow>> ForAsync(DialerDb db, Guid[]? ids, DateTimeOffset now, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return db.ListAsync("""
            WITH iv AS (
                SELECT c.agent_id, c.to_state AS state, greatest(c.at, @day) AS s,
                       least(coalesce(lead(c.at) OVER (PARTITION BY c.agent_id ORDER BY c.at, c.id), @now), @now) AS e
                  FROM agent_state_changes c
                 WHERE (@ids::uuid[] IS NULL OR c.agent_id = ANY(@ids)) AND c.at <= @now
                   AND c.at >= coalesce((SELECT max(p.at) FROM agent_state_changes p WHERE p.agent_id = c.agent_id AND p.at <= @day), '-infinity')),
            t AS (
                SELECT agent_id,
                       sum(extract(epoch FROM e - s)) FILTER (WHERE state = 'OnCall') AS talk,
                       sum(extract(epoch FROM e - s)) FILTER (WHERE state = 'WrapUp') AS wrap,
                       sum(extract(epoch FROM e - s)) FILTER (WHERE state <> 'Offline') AS logged_in
                  FROM iv WHERE e > s GROUP BY agent_id),
            k AS (
                SELECT a.agent_id, count(*) AS calls, count(*) FILTER (WHERE a.converted) AS conversions
                  FROM call_attempts a
                 WHERE a.agent_id IS NOT NULL AND a.bridged_at >= @day AND a.bridged_at <= @now AND (@ids::uuid[] IS NULL OR a.agent_id = ANY(@ids))
                 GROUP BY a.agent_id)
            SELECT g.id, g.name, g.state, g.state_since, g.break_reason, g.campaign_ids,
                   coalesce((SELECT array_agg(c.name ORDER BY c.name) FROM campaigns c WHERE c.id = ANY(g.campaign_ids)), ARRAY[]::text[]),
                   g.current_attempt_id, g.console_disconnected_at, g.logout_requested_at, g.logout_requested_by, g.logout_reason,
                   coalesce(k.calls, 0), coalesce(k.conversions, 0),
                   round(coalesce(t.talk, 0)), round(coalesce(t.wrap, 0)), round(coalesce(t.logged_in, 0)),
                   coalesce((cur.settings->>'maxWrapUpSeconds')::int, 120),
                   (SELECT avg(extract(epoch FROM u.ended_at - u.bridged_at)) FROM call_attempts u
                     WHERE u.campaign_id = cur.id AND u.bridged_at >= @now - interval '7 days' AND u.ended_at IS NOT NULL)
              FROM agents g
              LEFT JOIN t ON t.agent_id = g.id
              LEFT JOIN k ON k.agent_id = g.id
              LEFT JOIN LATERAL (SELECT c.id, c.settings FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id
                                  WHERE a.id = g.current_attempt_id) cur ON true
             WHERE (@ids::uuid[] IS NULL OR g.id = ANY(@ids))
             ORDER BY g.name, g.id
            """, r =>
            {
                long talk = r.Long(14), wrap = r.Long(15), loggedIn = r.Long(16);
                var pending = r.Time(9) is { } at ? new AgentWallRow.PendingLogout(at, r.Text(10), r.Text(11)) : null;
                return new AgentWallRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.Time(3)!.Value, r.Text(4), (Guid[])r.GetValue(5),
                    (string[])r.GetValue(6), r.IsDBNull(7) ? null : r.GetGuid(7), r.Time(8), pending, r.Long(12), r.Long(13), talk, wrap, loggedIn,
                    loggedIn == 0 ? 0 : Math.Round((double)(talk + wrap) / loggedIn, 4), r.IsDBNull(17) ? null : r.GetInt32(17), r.Double(18), now);
            }, ct, P("ids", ids), P("day", dayStart), P("now", now));
    }
}

using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// One row of the managers' agent wall: the agent's state now and their figures for today (UTC), all from SQL.
/// Occupancy = (talk + wrap-up) / logged-in time; talk is time OnCall (<see cref="AgentFigures"/>).
/// </summary>
/// <param name="AsOf">the instant the figures were read: the page adds the time since to the running state's
/// bucket</param>
/// <param name="WrapUpLimitSeconds">the current call's campaign's maximum wrap-up</param>
/// <param name="UsualTalkSeconds">the average connected call of the current call's campaign over the past week, when
/// known</param>
/// <param name="Stuck">from when the agent counts as stuck in this state (<see cref="StuckAgent"/>), if a limit
/// applies</param>
public sealed record AgentWallRow(
    Guid AgentId, string Name, string State, DateTimeOffset Since, string? BreakReason, Guid[] CampaignIds,
    string[] Campaigns, Guid? CurrentAttemptId, DateTimeOffset? ConsoleDisconnectedAt,
    AgentWallRow.PendingLogout? LogoutPending, long CallsToday, long ConversionsToday, long TalkSecondsToday,
    long WrapUpSecondsToday, long LoggedInSecondsToday, double Occupancy, int? WrapUpLimitSeconds,
    double? UsualTalkSeconds, Stuck? Stuck, DateTimeOffset AsOf, Guid TeamId)
{
    public sealed record PendingLogout(DateTimeOffset At, string? By, string? Reason);
}

public static class AgentWallQuery
{
    /// <summary>Every agent (or the ones in <paramref name="ids"/>) of one team (of all when null), by name.</summary>
    public static async Task<List<AgentWallRow>> ForAsync(DialerDb db, Guid[]? ids, Guid? team, AgentLimits limits,
        DateTimeOffset now, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var rows = await db.Database.SqlQueryRaw<Row>(Sql, new NpgsqlParameter("ids", (object?)ids ?? DBNull.Value),
            new NpgsqlParameter("day", dayStart), new NpgsqlParameter("now", now)).ToListAsync(ct);
        // the team is filtered here, not in SQL: a team predicate there made the planner re-run the day's window per
        // agent (100 ms became 10 s for a thousand agents)
        rows.RemoveAll(r => team is { } only && r.TeamId != only);
        var campaignIds = rows.Select(r => r.CurrentCampaignId).OfType<Guid>().Distinct().ToList();
        var settings = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Settings, ct);
        return rows.Select(r =>
        {
            var state = Enum.Parse<AgentState>(r.State);
            int? wrapLimit = r.CurrentCampaignId is { } campaign
                ? StuckAgent.WrapUpLimitSeconds(settings.GetValueOrDefault(campaign)) : null;
            var pending = r.LogoutRequestedAt is { } at
                ? new AgentWallRow.PendingLogout(at, r.LogoutRequestedBy, r.LogoutReason) : null;
            return new AgentWallRow(r.Id, r.Name, r.State, r.StateSince, r.BreakReason, r.CampaignIds, r.Campaigns,
                r.CurrentAttemptId, r.ConsoleDisconnectedAt, pending, r.Calls, r.Conversions, r.Talk, r.WrapUp,
                r.LoggedIn, AgentFigures.Occupancy(r.Talk, r.WrapUp, r.LoggedIn), wrapLimit, r.UsualTalk,
                StuckAgent.Of(state, r.StateSince, r.ConsoleDisconnectedAt, wrapLimit, r.UsualTalk, limits), now,
                r.TeamId);
        }).ToList();
    }

    static readonly string Sql = $"""
        WITH iv AS (
            SELECT c.agent_id, c.to_state AS state, greatest(c.at, @day) AS s,
                   least(coalesce(lead(c.at) OVER (PARTITION BY c.agent_id ORDER BY c.at, c.id), @now), @now) AS e
              FROM agent_state_changes c
             WHERE (@ids::uuid[] IS NULL OR c.agent_id = ANY(@ids)) AND c.at <= @now
               AND c.at >= coalesce((SELECT max(p.at) FROM agent_state_changes p WHERE p.agent_id = c.agent_id
                 AND p.at <= @day), '-infinity')),
        t AS (
            SELECT agent_id,
                   sum(extract(epoch FROM e - s)) FILTER (WHERE {AgentFigures.StateSql(AgentState.OnCall)}) AS talk,
                   sum(extract(epoch FROM e - s)) FILTER (WHERE {AgentFigures.StateSql(AgentState.WrapUp)}) AS wrap,
                   sum(extract(epoch FROM e - s)) FILTER (WHERE {AgentFigures.LoggedInSql()}) AS logged_in
              FROM iv WHERE e > s GROUP BY agent_id),
        k AS (
            SELECT a.agent_id, count(*) AS calls, count(*) FILTER (WHERE {CallFigures.Conversions.Sql}) AS conversions
              FROM call_attempts a
             WHERE a.agent_id IS NOT NULL AND a.bridged_at >= @day AND a.bridged_at <= @now AND (@ids::uuid[] IS NULL
               OR a.agent_id = ANY(@ids))
             GROUP BY a.agent_id)
        SELECT g.id, g.team_id, g.name, g.state, g.state_since, g.break_reason, g.campaign_ids,
               coalesce((SELECT array_agg(c.name ORDER BY c.name) FROM campaigns c
                 WHERE c.id = ANY(g.campaign_ids)), ARRAY[]::text[]) AS campaigns,
               g.current_attempt_id, g.console_disconnected_at, g.logout_requested_at, g.logout_requested_by,
                 g.logout_reason,
               coalesce(k.calls, 0)::bigint AS calls, coalesce(k.conversions, 0)::bigint AS conversions,
               round(coalesce(t.talk, 0))::bigint AS talk, round(coalesce(t.wrap, 0))::bigint AS wrap_up,
               round(coalesce(t.logged_in, 0))::bigint AS logged_in,
               cur.campaign_id AS current_campaign_id,
               (SELECT avg(extract(epoch FROM u.ended_at - u.bridged_at)) FROM call_attempts u
                 WHERE u.campaign_id = cur.campaign_id AND u.bridged_at >= @now - interval '7 days'
                   AND u.ended_at IS NOT NULL)::float8 AS usual_talk
          FROM agents g
          LEFT JOIN t ON t.agent_id = g.id
          LEFT JOIN k ON k.agent_id = g.id
          LEFT JOIN call_attempts cur ON cur.id = g.current_attempt_id
         WHERE (@ids::uuid[] IS NULL OR g.id = ANY(@ids))
         ORDER BY g.name, g.id
        """;

    sealed record Row(
        Guid Id, string Name, string State, DateTimeOffset StateSince, string? BreakReason, Guid[] CampaignIds,
        string[] Campaigns, Guid? CurrentAttemptId, DateTimeOffset? ConsoleDisconnectedAt,
        DateTimeOffset? LogoutRequestedAt, string? LogoutRequestedBy, string? LogoutReason, long Calls,
        long Conversions, long Talk, long WrapUp, long LoggedIn, Guid? CurrentCampaignId, double? UsualTalk,
        Guid TeamId);
}

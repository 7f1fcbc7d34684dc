using System.Runtime.CompilerServices;
using System.Text.Json;
using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Reporting.Timesheets;

/// <summary>
/// One agent's day in the report's time zone, from the intervals between their state changes (an interval across
/// midnight is split between the days; the one still open counts up to now) and their connected calls.
/// </summary>
/// <param name="TalkSeconds">time OnCall</param>
/// <param name="Breaks">seconds on break by reason</param>
/// <param name="Occupancy">(talk + wrap-up) / logged in</param>
public sealed record TimesheetDay(
    Guid AgentId, string Agent, DateOnly Date, DateTimeOffset? FirstLogin, DateTimeOffset? LastLogout,
    long LoggedInSeconds, long AvailableSeconds, long ReservedSeconds, long OnCallSeconds, long WrapUpSeconds,
    long BreakSeconds, IReadOnlyDictionary<string, long> Breaks, long Calls, long TalkSeconds, long Conversions,
    double Occupancy);

/// <param name="From">the first day, inclusive</param>
/// <param name="To">the last day, inclusive</param>
/// <param name="TeamId">only this team's agents; every team's when null</param>
public sealed record TimesheetPeriod(DateOnly From, DateOnly To, TimeZoneInfo Zone, Guid? AgentId, Guid? TeamId = null)
{
    public DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);
}

public static class Timesheet
{
    /// <summary>
    /// Rows by agent name, then day; only days the agent was logged in or took a call. Streamed as they are read.
    /// </summary>
    public static async IAsyncEnumerable<TimesheetDay> DaysAsync(DialerDb db, TimesheetPeriod p, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.RowsAsync<Row>(Sql, ct, P("tz", p.Zone.Id), P("from_day", p.From.ToDateTime(TimeOnly.MinValue)),
            P("to_day", p.To.ToDateTime(TimeOnly.MinValue)), P("now", now), P("agent", p.AgentId));
        // the team is filtered here, not in SQL, where it would change the plan of the whole report (see
        // AgentWallQuery)
        await foreach (var r in rows)
            if (p.TeamId is not { } team || r.TeamId == team)
                yield return new TimesheetDay(r.AgentId, r.Name, r.Day, r.FirstLogin is { } login ? p.Local(login)
                    : null, r.LastLogout is { } logout ? p.Local(logout) : null, r.LoggedIn, r.Available, r.Reserved,
                    r.OnCall, r.WrapUp, r.OnBreak, r.ByReason is null ? new Dictionary<string, long>()
                    : JsonSerializer.Deserialize<Dictionary<string, long>>(r.ByReason)!, r.Calls, r.OnCall,
                    r.Conversions, AgentFigures.Occupancy(r.OnCall, r.WrapUp, r.LoggedIn));
    }

    sealed record Row(Guid AgentId, string Name, DateOnly Day, DateTimeOffset? FirstLogin, DateTimeOffset? LastLogout,
        long LoggedIn, long Available, long Reserved, long OnCall, long WrapUp, long OnBreak, string? ByReason,
        long Calls, long Conversions, Guid TeamId);

    // Day bounds come from PostgreSQL's own zone rules ("local midnight AT TIME ZONE"), so a DST day is 23 or 25 hours.
    static readonly string Sql = $"""
        WITH days AS (
            SELECT d::date AS day, (d::timestamp AT TIME ZONE @tz) AS ds,
                   ((d + interval '1 day')::timestamp AT TIME ZONE @tz) AS de
              FROM generate_series(@from_day::timestamp, @to_day::timestamp, interval '1 day') d),
        iv AS (
            SELECT c.agent_id, c.from_state, c.to_state AS state, c.reason, c.at AS s,
                   least(coalesce(lead(c.at) OVER (PARTITION BY c.agent_id ORDER BY c.at, c.id), @now), @now) AS e
              FROM agent_state_changes c
             WHERE (@agent::uuid IS NULL OR c.agent_id = @agent)
               AND c.at < ((@to_day::timestamp + interval '1 day') AT TIME ZONE @tz)
               AND c.at >= coalesce((SELECT max(p.at) FROM agent_state_changes p WHERE p.agent_id = c.agent_id
                 AND p.at <= (@from_day::timestamp AT TIME ZONE @tz)), '-infinity')),
        pieces AS (
            SELECT iv.*, d.day, d.ds, extract(epoch FROM least(iv.e, d.de) - greatest(iv.s, d.ds)) AS secs
              FROM iv JOIN days d ON iv.s < d.de AND iv.e > d.ds),
        agg AS (
            SELECT agent_id, day,
                   min(s) FILTER (WHERE NOT {LoggedIn("from_state")} AND {LoggedIn("state")} AND s >= ds)
                     AS first_login,
                   max(s) FILTER (WHERE NOT {LoggedIn("state")} AND {LoggedIn("from_state")} AND s >= ds)
                     AS last_logout,
                   sum(secs) FILTER (WHERE {LoggedIn("state")}) AS logged_in,
                   sum(secs) FILTER (WHERE {In(AgentState.Available)}) AS available,
                   sum(secs) FILTER (WHERE {In(AgentState.Reserved)}) AS reserved,
                   sum(secs) FILTER (WHERE {In(AgentState.OnCall)}) AS on_call,
                   sum(secs) FILTER (WHERE {In(AgentState.WrapUp)}) AS wrap_up,
                   sum(secs) FILTER (WHERE {In(AgentState.Break)}) AS break_
              FROM pieces GROUP BY agent_id, day),
        breaks AS (
            SELECT agent_id, day, jsonb_object_agg(why, round(secs)::bigint)::text AS by_reason
              FROM (SELECT agent_id, day, CASE WHEN reason LIKE 'break: %' THEN substr(reason, 8) ELSE reason END
                AS why, sum(secs) AS secs
                      FROM pieces WHERE {In(AgentState.Break)} GROUP BY 1, 2, 3) b
             GROUP BY agent_id, day),
        calls AS (
            SELECT a.agent_id, (a.bridged_at AT TIME ZONE @tz)::date AS day, count(*) AS calls,
                   count(*) FILTER (WHERE {CallFigures.Conversions.Sql}) AS conversions
              FROM call_attempts a
             WHERE a.agent_id IS NOT NULL AND a.bridged_at >= (@from_day::timestamp AT TIME ZONE @tz)
               AND a.bridged_at < ((@to_day::timestamp + interval '1 day') AT TIME ZONE @tz)
               AND (@agent::uuid IS NULL OR a.agent_id = @agent)
             GROUP BY 1, 2)
        SELECT g.id AS agent_id, g.team_id, g.name, coalesce(x.day, k.day) AS day, x.first_login, x.last_logout,
               round(coalesce(x.logged_in, 0))::bigint AS logged_in, round(coalesce(x.available, 0))::bigint
                 AS available,
               round(coalesce(x.reserved, 0))::bigint AS reserved, round(coalesce(x.on_call, 0))::bigint AS on_call,
               round(coalesce(x.wrap_up, 0))::bigint AS wrap_up, round(coalesce(x.break_, 0))::bigint
                 AS on_break, b.by_reason,
               coalesce(k.calls, 0)::bigint AS calls, coalesce(k.conversions, 0)::bigint AS conversions
          FROM agg x
          FULL JOIN calls k ON k.agent_id = x.agent_id AND k.day = x.day
          JOIN agents g ON g.id = coalesce(x.agent_id, k.agent_id)
          LEFT JOIN breaks b ON b.agent_id = x.agent_id AND b.day = x.day
         WHERE coalesce(x.logged_in, 0) > 0 OR coalesce(k.calls, 0) > 0
         ORDER BY g.name, g.id, coalesce(x.day, k.day)
        """;

    static string In(AgentState state) => AgentFigures.StateSql(state);
    static string LoggedIn(string column) => AgentFigures.LoggedInSql(column);
}

using Dialer.Api.Reporting;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Dashboard;

/// <summary>One campaign on the manager's dashboard, as pushed live and as the snapshot returns it.</summary>
public sealed record CampaignFigures(
    Guid CampaignId, string Name, string Status,
    long ContactsTotal, long ContactsDone, long ContactsLeft,
    long Dials, long HumanAnswers, long MachineAnswers, long Connects,
    long Abandoned, double AbandonRate, double AbandonTarget, long AbandonBudgetLeft,
    long Conversions, double ConversionPerConnect, double ConversionPerDial,
    long LinesInFlight, long AgentsLoggedIn, double? LinesPerAgent, double? SecondsToExhaust, DateTimeOffset At)
{
    /// <summary>
    /// The figures of the given campaigns (all when null) in one query. The abandon rate is the campaign's
    /// rolling window (AbandonWindowHours) of live answers, as the law counts it; the other counts are all-time.
    /// </summary>
    public static Task<List<CampaignFigures>> ForAsync(DialerDb db, Guid[]? ids, DateTimeOffset now, CancellationToken ct) =>
        db.ListAsync($"""
            SELECT c.id, c.name, c.status,
                   coalesce((c.settings->>'abandonTarget')::float8, 0.03),
                   k.total, k.done, k.left_, k.done_recently,
                   t.dials, t.human, t.machine, t.connects, t.abandoned, t.conversions, t.in_flight, t.window_human, t.window_abandoned,
                   (SELECT count(*) FROM agents g WHERE c.id = ANY(g.campaign_ids) AND g.state <> 'Offline')
              FROM campaigns c
              LEFT JOIN LATERAL (SELECT array_agg(x) AS arr FROM jsonb_array_elements_text(c.settings->'conversionDispositions') x) conv ON true
              LEFT JOIN LATERAL (
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE status IN ('Done', 'Suppressed')) AS done,
                       count(*) FILTER (WHERE status IN ('Pending', 'Dialing')) AS left_,
                       count(*) FILTER (WHERE status = 'Done' AND last_attempt_at >= @recent) AS done_recently
                  FROM contacts WHERE campaign_id = c.id) k ON true
              LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE {CallClasses.DialedSql}) AS dials,
                       count(*) FILTER (WHERE {CallClasses.HumanSql}) AS human,
                       count(*) FILTER (WHERE {CallClasses.MachineSql}) AS machine,
                       count(*) FILTER (WHERE {CallClasses.ConnectedSql}) AS connects,
                       count(*) FILTER (WHERE {CallClasses.AbandonedSql}) AS abandoned,
                       count(*) FILTER (WHERE a.disposition = ANY(coalesce(conv.arr, ARRAY[]::text[]))) AS conversions,
                       count(*) FILTER (WHERE a.state < 100) AS in_flight,
                       count(*) FILTER (WHERE {CallClasses.LiveAnswerSql} AND a.answered_at >= @now - make_interval(hours => coalesce((c.settings->>'abandonWindowHours')::int, 720))) AS window_human,
                       count(*) FILTER (WHERE {CallClasses.AbandonedSql} AND a.answered_at >= @now - make_interval(hours => coalesce((c.settings->>'abandonWindowHours')::int, 720))) AS window_abandoned
                  FROM call_attempts a WHERE a.campaign_id = c.id) t ON true
             WHERE (@ids::uuid[] IS NULL OR c.id = ANY(@ids))
             ORDER BY CASE c.status WHEN 'Running' THEN 0 WHEN 'Paused' THEN 1 WHEN 'Scheduled' THEN 2 ELSE 3 END, c.name, c.id
             LIMIT 1000
            """, r => From(r, now), ct,
            P("ids", ids), P("now", now), P("recent", now - RecentPace));

    /// <summary>How far back the pace of finished contacts is measured for the time-to-exhaust estimate.</summary>
    static readonly TimeSpan RecentPace = TimeSpan.FromMinutes(15);

    static CampaignFigures From(System.Data.Common.DbDataReader r, DateTimeOffset now)
    {
        var target = r.Double(3) ?? 0.03;
        long left = r.Long(6), doneRecently = r.Long(7);
        long dials = r.Long(8), connects = r.Long(11), conversions = r.Long(13), inFlight = r.Long(14);
        long windowHuman = r.Long(15), windowAbandoned = r.Long(16), agents = r.Long(17);
        return new CampaignFigures(r.GetGuid(0), r.GetString(1), r.GetString(2).ToLowerInvariant(),
            r.Long(4), r.Long(5), left,
            dials, r.Long(9), r.Long(10), connects,
            r.Long(12), Ratio(windowAbandoned, windowHuman), target, (long)Math.Floor(target * windowHuman) - windowAbandoned,
            conversions, Ratio(conversions, connects), Ratio(conversions, dials),
            inFlight, agents, agents > 0 ? Math.Round((double)inFlight / agents, 2) : null,
            doneRecently > 0 && left > 0 ? Math.Round(left * RecentPace.TotalSeconds / doneRecently) : null, now);
    }

    public static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

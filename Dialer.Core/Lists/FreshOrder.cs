using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Lists.LocalTime;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Lists;

/// <summary>
/// Fresh contacts' due times, written so that the claim's own order (kind, then due time, then id: <see
/// cref="Dialing.DueContacts"/>) dials them as the marketer asked, with the claim untouched. A list's priority is its
/// minute on the list clock (<see cref="CampaignList.FreshDueAt"/>); inside that minute each fresh contact of a list of
/// weight w sits at its rank in the list (by the campaign's <see cref="LeadOrder"/>) divided by w, scaled so that the
/// longest list of the minute just fills it: lists of one priority interleave in the ratio of their weights. With a
/// column order, the campaign's own uploads are ranked too, in the minute after every list's
/// (<see cref="DirectMinute"/>), still before contacts made due by anything else.
/// </summary>
public static class FreshOrder
{
    const long LastMicrosecond = 59_999_999;

    /// <summary>The minute of the campaign's own fresh contacts when they are ordered by a column.</summary>
    public const int DirectMinute = CampaignList.MaxPriority + 1;

    /// <summary>
    /// Where rank <paramref name="rank"/> (0 first) of a list of weight <paramref name="weight"/> sits in its
    /// priority's minute, <paramref name="longest"/> being the largest size / weight among that minute's lists.
    /// The SQL below computes the same in the same order of operations.
    /// </summary>
    public static TimeSpan Offset(long rank, int weight, double longest) =>
        TimeSpan.FromTicks(10 * (long)Math.Floor(LastMicrosecond * ((double)rank / weight) / longest));

    /// <summary>The largest size / weight among the lists sharing a minute.</summary>
    public static double Longest(IEnumerable<(long Size, int Weight)> lists) =>
        lists.Max(l => (double)l.Size / l.Weight);

    public static DateTimeOffset DueAt(int priority, long rank, int weight, double longest) =>
        CampaignList.FreshDueAt(priority) + Offset(rank, weight, longest);

    const string Pending = nameof(ContactStatus.Pending), Parked = nameof(ContactStatus.Parked),
        Filtered = nameof(ContactStatus.Filtered);

    // the fresh contacts still in their place: a list's on the list clock, the campaign's own due and never dialed
    const string ZoneColumn = ", COALESCE(c.time_zones[1], '') AS zone"; // a contact's first zone: its slot's

    static string Placed(bool zones = false) => $"""
        a AS (SELECT list_id, priority, weight FROM campaign_lists WHERE campaign_id = @campaign),
        f AS (
          SELECT c.id, c.list_id, COALESCE(a.priority, {DirectMinute}) AS minute, COALESCE(a.weight, 1) AS weight,
                 NULLIF(btrim(c.custom_fields ->> @column), '') AS v{(zones ? ZoneColumn : "")}
          FROM contacts c LEFT JOIN a ON a.list_id = c.list_id
          WHERE c.campaign_id = @campaign AND c.status IN ('{Pending}', '{Parked}', '{Filtered}') AND c.attempts = 0
            AND c.priority = {(short)DialPriority.Fresh} AND c.held_by_agent_id IS NULL
            AND ((a.list_id IS NOT NULL AND c.next_attempt_at < @clockEnd)
              OR (@direct AND c.list_id IS NULL AND c.next_attempt_at <= @now)))
        """;

    // numeric when every value of the list is a number; empty values last; text by code point; then as uploaded
    static string Sql(string direction) => $"""
        WITH {Placed()},
        n AS (SELECT list_id, bool_and(v IS NULL OR v ~ '^[-+]?[0-9]+(\.[0-9]+)?$') AS numeric FROM f GROUP BY list_id),
        r AS (
          SELECT f.id, f.minute, f.weight, count(*) OVER (PARTITION BY f.list_id) AS size,
                 row_number() OVER (PARTITION BY f.list_id ORDER BY
                   CASE WHEN n.numeric THEN f.v::numeric END {direction} NULLS LAST,
                   f.v COLLATE "C" {direction} NULLS LAST, f.id) - 1 AS rank
          FROM f JOIN n ON n.list_id IS NOT DISTINCT FROM f.list_id),
        s AS (SELECT r.*, max(r.size::float8 / r.weight) OVER (PARTITION BY r.minute) AS longest FROM r)
        UPDATE contacts c
        SET next_attempt_at = @clock + make_interval(mins => s.minute)
          + floor({LastMicrosecond}::float8 * (s.rank::float8 / s.weight) / s.longest) * interval '1 microsecond'
        FROM s WHERE c.id = s.id
        """;

    // by local time: each zone's slot of the minute (ZoneSlots), the lists of the minute interleaved in each by weight
    static readonly string ByZoneSql = $"""
        WITH {Placed(zones: true)},
        z AS (SELECT f.*, s.slot FROM f JOIN campaign_zone_slots s ON s.campaign_id = @campaign AND s.zone = f.zone),
        r AS (
          SELECT z.id, z.minute, z.weight, z.slot, count(*) OVER (PARTITION BY z.list_id, z.slot) AS size,
                 row_number() OVER (PARTITION BY z.list_id, z.slot ORDER BY z.id) - 1 AS rank
          FROM z),
        s AS (SELECT r.*, max(r.size::float8 / r.weight) OVER (PARTITION BY r.minute, r.slot) AS longest FROM r)
        UPDATE contacts c
        SET next_attempt_at = @clock + make_interval(mins => s.minute) + (s.slot * {ZoneSlots.Micros}
          + floor({ZoneSlots.Micros - 1}::float8 * (s.rank::float8 / s.weight) / s.longest)) * interval '1 microsecond'
        FROM s WHERE c.id = s.id
        """;

    static readonly string ZonesSql = $"WITH {Placed(zones: true)} SELECT DISTINCT zone AS \"Value\" FROM f";

    static readonly string Ascending = Sql("ASC"), Descending = Sql("DESC");

    /// <summary>
    /// Writes the due times of the campaign's fresh contacts still in their place (a list's on the list clock; its
    /// own uploads, due and never dialed, when ordered by a column). Run in the caller's transaction after an attach,
    /// a change of priority or weight, a change of the lead order and an upload.
    /// </summary>
    /// <returns>contacts placed</returns>
    public static async Task<int> RewriteAsync(DialerDb db, Guid campaignId, LeadOrder order, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!order.ByLocalTime)
            return await db.Database.ExecuteSqlRawAsync(order.Descending ? Descending : Ascending,
                Parameters(campaignId, order, now), ct); // constants: the values go as parameters
        var zones = await db.Database.SqlQueryRaw<string>(ZonesSql, Parameters(campaignId, order, now))
            .ToListAsync(ct);
        await ZoneSlots.AddAsync(db, campaignId, zones, now, ct);
        return await db.Database.ExecuteSqlRawAsync(ByZoneSql, Parameters(campaignId, order, now), ct);
    }

    static NpgsqlParameter[] Parameters(Guid campaignId, LeadOrder order, DateTimeOffset now) =>
    [
        new NpgsqlParameter("campaign", campaignId),
        new NpgsqlParameter("column", (object?)order.OrderingColumn ?? DBNull.Value)
        { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
        new NpgsqlParameter("clockEnd", CampaignList.ListClockEnd),
        new NpgsqlParameter("direct", order.PlacesOwnUploads),
        new NpgsqlParameter("now", now), new NpgsqlParameter("clock", CampaignList.ListClock),
    ];
}

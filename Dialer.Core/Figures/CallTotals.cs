using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Figures;

/// <summary>
/// Every call figure of one campaign, or of one slice of it (<paramref name="Key"/>: an hour, an agent, a zone),
/// counted by <see cref="CallFigures"/> in one pass.
/// </summary>
public sealed record CallTotals(
    string? Key, long Attempts, long Dials, long CallsPlaced, long InFlight, long Answered, long LiveAnswers,
    long MachineAnswers, long Connects, long Abandoned, long ConnectedInTime, long Conversions, long NoAnswers,
    long Busy, long Failed, long DoNotCallStopped, double TalkSeconds)
{
    public static readonly CallTotals None = new(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The select list of every figure, in the columns this record reads; the query says FROM call_attempts a.
    /// </summary>
    public static readonly string SelectSql =
        string.Join(",\n", CallFigures.All.Select(f => f.CountSql))
            + $",\n{CallFigures.TalkSecondsSql}::float8 AS talk_seconds";

    static readonly string ByCampaignSql = $"""
        SELECT a.campaign_id::text AS key, {SelectSql}
          FROM call_attempts a WHERE a.campaign_id = ANY(@ids) GROUP BY a.campaign_id
        """;

    public double ConversionPerConnect => CallFigures.Ratio(Conversions, Connects);
    public double ConversionPerDial => CallFigures.Ratio(Conversions, Dials);
    public double ConnectPerDial => CallFigures.Ratio(Connects, Dials);
    /// <summary>The contact rate: how many dials a person answered.</summary>
    public double LiveAnswerPerDial => CallFigures.Ratio(LiveAnswers, Dials);

    /// <summary>
    /// The totals of <paramref name="campaignId"/>'s attempts grouped by <paramref name="keySql"/> (one row of all of
    /// them when null), of the attempts that pass <paramref name="filterSql"/>. Only constant SQL reaches these, never
    /// input; the query may join contacts c and agents g.
    /// </summary>
    public static Task<List<CallTotals>> SlicesAsync(DialerDb db, Guid campaignId, CancellationToken ct,
        string? keySql = null, string filterSql = "true") =>
        db.Database.SqlQueryRaw<CallTotals>(SlicesSql(keySql, filterSql), new NpgsqlParameter("id", campaignId))
            .ToListAsync(ct);

    static string SlicesSql(string? keySql, string filterSql) => $"""
        SELECT {keySql ?? "NULL::text"} AS key, {SelectSql}
          FROM call_attempts a
          JOIN contacts c ON c.id = a.contact_id
          LEFT JOIN agents g ON g.id = a.agent_id
         WHERE a.campaign_id = @id AND ({filterSql})
         {(keySql is null ? "" : "GROUP BY 1 ORDER BY 1")}
        """;

    public static async Task<CallTotals> ForAsync(DialerDb db, Guid campaignId, CancellationToken ct) =>
        (await SlicesAsync(db, campaignId, ct)).Single();

    /// <summary>
    /// The totals of each campaign asked for, keyed by its id; a campaign without attempts gets <see cref="None"/>.
    /// </summary>
    public static async Task<Dictionary<Guid, CallTotals>> ForAsync(DialerDb db, IReadOnlyCollection<Guid> campaignIds,
        CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<CallTotals>(ByCampaignSql,
            new NpgsqlParameter("ids", campaignIds.ToArray())).ToListAsync(ct);
        var found = rows.ToDictionary(r => Guid.Parse(r.Key!));
        return campaignIds.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? None);
    }
}

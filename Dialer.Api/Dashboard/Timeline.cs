using Dialer.Api.Reporting;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Dashboard;

/// <summary>A campaign's day in 5-minute buckets, for the dashboard's charts.</summary>
public sealed record Timeline(DateTimeOffset From, DateTimeOffset To, double AbandonTarget, int AbandonWindowHours,
    IReadOnlyList<Timeline.Bucket> Buckets, IReadOnlyDictionary<string, long> Outcomes)
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    const string Bin = "date_bin('5 minutes', {0}, TIMESTAMPTZ '2000-01-01 00:00:00+00')";

    /// <param name="AbandonRate">abandoned over live answers in the rolling window ending with this bucket</param>
    public sealed record Bucket(DateTimeOffset At, long Dials, long Connects, long Conversions, long HumanAnswers, long Abandoned, double AbandonRate);

    public static async Task<Timeline> ForAsync(DialerDb db, Guid campaignId, string[] conversions, double target, int windowHours,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        from = Floor(from);
        var window = TimeSpan.FromHours(windowHours);
        var id = P("id", campaignId);
        var dials = await CountsAsync(db, string.Format(Bin, "a.dialed_at"), CallClasses.DialedSql, "a.dialed_at", from, to, ct, P("id", campaignId));
        var connects = await CountsAsync(db, string.Format(Bin, "a.bridged_at"), CallClasses.ConnectedSql, "a.bridged_at", from, to, ct, P("id", campaignId));
        var converted = await CountsAsync(db, string.Format(Bin, "a.ended_at"), "a.disposition = ANY(@conv)", "a.ended_at", from, to, ct,
            P("id", campaignId), P("conv", conversions));
        var human = await CountsAsync(db, string.Format(Bin, "a.answered_at"), CallClasses.LiveAnswerSql, "a.answered_at", from - window, to, ct, P("id", campaignId));
        var abandoned = await CountsAsync(db, string.Format(Bin, "a.answered_at"), CallClasses.AbandonedSql, "a.answered_at", from - window, to, ct, P("id", campaignId));
        var outcomes = await db.ListAsync("""
            SELECT coalesce(a.outcome, 'in flight'), count(*) FROM call_attempts a
             WHERE a.campaign_id = @id AND a.created_at >= @from AND a.created_at < @to GROUP BY 1 ORDER BY 2 DESC
            """, r => (r.GetString(0), r.Long(1)), ct, id, P("from", from), P("to", to));

        var buckets = new List<Bucket>();
        var rolling = new RollingSum(human, abandoned, window);
        for (var at = from; at < to; at += Step)
        {
            var (h, a) = rolling.Until(at + Step);
            buckets.Add(new Bucket(at, dials.GetValueOrDefault(at), connects.GetValueOrDefault(at), converted.GetValueOrDefault(at),
                human.GetValueOrDefault(at), abandoned.GetValueOrDefault(at), CampaignFigures.Ratio(a, h)));
        }
        return new Timeline(from, to, target, windowHours, buckets, outcomes.ToDictionary(o => o.Item1, o => o.Item2));
    }

    static DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % Step.Ticks, TimeSpan.Zero);

    static async Task<Dictionary<DateTimeOffset, long>> CountsAsync(DialerDb db, string bin, string filter, string column,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct, params Npgsql.NpgsqlParameter[] parameters)
    {
        var rows = await db.ListAsync($"""
            SELECT {bin}, count(*) FROM call_attempts a
             WHERE a.campaign_id = @id AND {column} >= @from AND {column} < @to AND ({filter}) GROUP BY 1
            """, r => (r.Time(0)!.Value, r.Long(1)), ct, [.. parameters, P("from", from), P("to", to)]);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>Sums of two bucketed series over a window that slides forward only.</summary>
    sealed class RollingSum(Dictionary<DateTimeOffset, long> first, Dictionary<DateTimeOffset, long> second, TimeSpan window)
    {
        readonly (DateTimeOffset At, long A, long B)[] _points = first.Keys.Union(second.Keys).Order()
            .Select(k => (k, first.GetValueOrDefault(k), second.GetValueOrDefault(k))).ToArray();
        int _head, _tail;
        long _a, _b;

        public (long A, long B) Until(DateTimeOffset end)
        {
            for (; _head < _points.Length && _points[_head].At < end; _head++) { _a += _points[_head].A; _b += _points[_head].B; }
            for (; _tail < _head && _points[_tail].At < end - window; _tail++) { _a -= _points[_tail].A; _b -= _points[_tail].B; }
            return (_a, _b);
        }
    }
}

using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Dashboard;

/// <summary>A campaign's day in 5-minute buckets, for the dashboard's charts.</summary>
public sealed record Timeline(DateTimeOffset From, DateTimeOffset To, double AbandonTarget, int AbandonWindowHours,
    IReadOnlyList<Timeline.Bucket> Buckets, IReadOnlyDictionary<string, long> Outcomes)
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    const string Bin = "date_bin('5 minutes', {0}, TIMESTAMPTZ '2000-01-01 00:00:00+00')";

    /// <param name="Conversions">calls dispositioned as a conversion in the bucket</param>
    /// <param name="HumanAnswers">live answers (the abandon rate's denominator) in the bucket</param>
    /// <param name="AbandonRate">abandoned over live answers in the rolling window ending with this bucket</param>
    public sealed record Bucket(DateTimeOffset At, long Dials, long Connects, long Conversions, long HumanAnswers,
        long Abandoned, double AbandonRate);

    public static async Task<Timeline> ForAsync(DialerDb db, Campaign campaign, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        from = Floor(from);
        var (id, s) = (campaign.Id, campaign.Settings);
        var window = TimeSpan.FromHours(s.AbandonWindowHours);
        var dials = await CountsAsync(db, id, CallFigures.Dials, "a.dialed_at", from, to, ct);
        var connects = await CountsAsync(db, id, CallFigures.Connects, "a.bridged_at", from, to, ct);
        var converted = await CountsAsync(db, id, CallFigures.Conversions, "a.dispositioned_at", from, to, ct);
        var live = await CountsAsync(db, id, CallFigures.LiveAnswers, "a.answered_at", from - window, to, ct);
        var abandoned = await CountsAsync(db, id, CallFigures.Abandoned, "a.answered_at", from - window, to, ct);
        var outcomes = await db.ListAsync<OutcomeCount>("""
            SELECT coalesce(a.outcome, 'in flight') AS outcome, count(*) AS count FROM call_attempts a
             WHERE a.campaign_id = @id AND a.created_at >= @from AND a.created_at < @to GROUP BY 1 ORDER BY 2 DESC
            """, ct, P("id", id), P("from", from), P("to", to));

        var buckets = new List<Bucket>();
        var rolling = new RollingSum(live, abandoned, window);
        for (var at = from; at < to; at += Step)
        {
            var (h, a) = rolling.Until(at + Step);
            buckets.Add(new Bucket(at, dials.GetValueOrDefault(at), connects.GetValueOrDefault(at),
                converted.GetValueOrDefault(at), live.GetValueOrDefault(at), abandoned.GetValueOrDefault(at),
                CallFigures.Ratio(a, h)));
        }
        return new Timeline(from, to, s.AbandonTarget, s.AbandonWindowHours, buckets,
            outcomes.ToDictionary(o => o.Outcome, o => o.Count));
    }

    static DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % Step.Ticks, TimeSpan.Zero);

    /// <summary>
    /// How many calls of the kind fell in each bucket, placed by the instant <paramref name="column"/> (a constant).
    /// </summary>
    static async Task<Dictionary<DateTimeOffset, long>> CountsAsync(DialerDb db, Guid campaignId, CallFigure figure,
        string column, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await db.ListAsync<BucketCount>($"""
            SELECT {string.Format(Bin, column)} AS at, count(*) AS count FROM call_attempts a
             WHERE a.campaign_id = @id AND {column} >= @from AND {column} < @to AND ({figure.Sql}) GROUP BY 1
            """, ct, P("id", campaignId), P("from", from), P("to", to));
        return rows.ToDictionary(r => r.At, r => r.Count);
    }

    sealed record BucketCount(DateTimeOffset At, long Count);
    sealed record OutcomeCount(string Outcome, long Count);

    /// <summary>Sums of two bucketed series over a window that slides forward only.</summary>
    sealed class RollingSum(
        Dictionary<DateTimeOffset, long> first, Dictionary<DateTimeOffset, long> second, TimeSpan window)
    {
        readonly (DateTimeOffset At, long A, long B)[] _points = first.Keys.Union(second.Keys).Order()
            .Select(k => (k, first.GetValueOrDefault(k), second.GetValueOrDefault(k))).ToArray();
        int _head, _tail;
        long _a, _b;

        public (long A, long B) Until(DateTimeOffset end)
        {
            for (; _head < _points.Length && _points[_head].At < end; _head++)
            {
                _a += _points[_head].A; _b += _points[_head].B;
            }
            for (; _tail < _head && _points[_tail].At < end - window; _tail++)
            {
                _a -= _points[_tail].A; _b -= _points[_tail].B;
            }
            return (_a, _b);
        }
    }
}

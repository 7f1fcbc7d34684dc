using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Reporting;

/// <summary>
/// What a company shows a regulator for one campaign and period: abandoned calls against the target over
/// the rolling window, when customers were called in their own local time, do-not-call hits stopped, and
/// how often each contact was tried. The lists (every abandoned call, every call outside the window) stream
/// separately: <see cref="AbandonedCallsAsync"/>, <see cref="OutsideWindowAsync"/>.
/// </summary>
public sealed record ComplianceReport(
    Guid CampaignId, string Name, DateTimeOffset From, DateTimeOffset To, CallingWindow Window,
    double AbandonTarget, int AbandonWindowHours, long HumanAnswers, long Abandoned, double AbandonRate,
    bool WithinTarget, IReadOnlyList<ComplianceReport.Day> Days,
    IReadOnlyList<ComplianceReport.LocalHour> CallsByLocalHour, long CallsOutsideWindow, long DoNotCallAttemptsStopped,
    long ContactsSuppressed, IReadOnlyList<ComplianceReport.AttemptCount> AttemptsPerContact)
{
    /// <param name="RollingRate">abandoned over live answers in the window that ends with this day</param>
    public sealed record Day(DateOnly Date, long HumanAnswers, long Abandoned, double RollingRate);
    /// <param name="InWindow">whether the hour lies inside the campaign's (and the law's) calling hours</param>
    public sealed record LocalHour(int Hour, long Calls, bool InWindow);
    public sealed record AttemptCount(int Attempts, long Contacts);
    public sealed record Call(Guid AttemptId, long ContactId, string Phone, string? TimeZone, DateTimeOffset? DialedAt,
        DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? AnsweredBy, string? Outcome, int? LocalHour);

    public static async Task<ComplianceReport> ForAsync(DialerDb db, Campaign campaign, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        var s = campaign.Settings;
        var window = TimeSpan.FromHours(s.AbandonWindowHours);
        var id = campaign.Id;
        var daily = await db.ListAsync<DayCount>($"""
            SELECT (a.answered_at AT TIME ZONE 'UTC')::date AS date, {CallFigures.LiveAnswers.CountSql},
              {CallFigures.Abandoned.CountSql}
              FROM call_attempts a WHERE a.campaign_id = @id AND a.answered_at >= @from
                AND a.answered_at < @to GROUP BY 1 ORDER BY 1
            """, ct, P("id", id), P("from", from - window), P("to", to));

        var days = new List<Day>();
        foreach (var d in daily.Where(d => d.Date >= DateOnly.FromDateTime(from.UtcDateTime)))
        {
            var end = d.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
            var inWindow = daily.Where(x => x.Date <= d.Date
                && x.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) >= end - window).ToList();
            days.Add(new Day(d.Date, d.LiveAnswers, d.Abandoned,
                CallFigures.Ratio(inWindow.Sum(x => x.Abandoned), inWindow.Sum(x => x.LiveAnswers))));
        }
        // the period's own figures count from `from` exactly, not from its day
        var ledger = await AbandonLedger.ForPeriodAsync(db, campaign, from, to, ct);

        var hours = new long[24];
        long outside = 0;
        await foreach (var call in DialedCallsAsync(db, id, from, to, ct))
        {
            if (call.Call.LocalHour is { } h) hours[h]++;
            if (!CallingHours.IsOpen(s.CallingWindow, call.Zones, call.Call.DialedAt!.Value)) outside++;
        }
        var byHour = Enumerable.Range(0, 24).Select(h => new LocalHour(h, hours[h], HourInWindow(s.CallingWindow, h)))
            .ToList();

        var dnc = await db.Database.SqlQueryRaw<DoNotCallCounts>(DoNotCallSql, P("id", id), P("from", from),
            P("to", to)).SingleAsync(ct);
        var perContact = await db.ListAsync<AttemptCount>(
            "SELECT attempts, count(*) AS contacts FROM contacts WHERE campaign_id = @id GROUP BY 1 ORDER BY 1", ct,
            P("id", id));

        return new ComplianceReport(id, campaign.Name, from, to, s.CallingWindow, s.AbandonTarget, s.AbandonWindowHours,
            ledger.LiveAnswers, ledger.Abandoned, CallFigures.Ratio(ledger.Abandoned, ledger.LiveAnswers),
            ledger.WithinTarget, days, byHour, outside, dnc.DoNotCallStopped, dnc.Suppressed, perContact);
    }

    /// <summary>An hour is inside when the window, narrowed to the lawful 08:00-21:00, covers all of it.</summary>
    static bool HourInWindow(CallingWindow w, int hour)
    {
        var start = w.Start > CallingWindow.LawfulStart ? w.Start : CallingWindow.LawfulStart;
        var end = w.End < CallingWindow.LawfulEnd ? w.End : CallingWindow.LawfulEnd;
        return new TimeOnly(hour, 0) >= start && (hour == 23 ? TimeOnly.MaxValue : new TimeOnly(hour + 1, 0)) <= end;
    }

    public static IAsyncEnumerable<Call> AbandonedCallsAsync(DialerDb db, Guid campaignId, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct) =>
        CallsAsync(db, $"{CallFigures.Abandoned.Sql} AND a.answered_at >= @from AND a.answered_at < @to", campaignId,
            from, to, ct);

    public static async IAsyncEnumerable<Call> OutsideWindowAsync(DialerDb db, Campaign campaign, DateTimeOffset from,
        DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var call in DialedCallsAsync(db, campaign.Id, from, to, ct))
            if (!CallingHours.IsOpen(campaign.Settings.CallingWindow, call.Zones, call.Call.DialedAt!.Value))
                yield return call.Call;
    }

    static IAsyncEnumerable<(Call Call, string[] Zones)> DialedCallsAsync(DialerDb db, Guid campaignId,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        CallsWithZonesAsync(
            db, $"{CallFigures.Dials.Sql} AND a.dialed_at >= @from AND a.dialed_at < @to", campaignId, from, to, ct);

    static async IAsyncEnumerable<Call> CallsAsync(DialerDb db, string filter, Guid campaignId, DateTimeOffset from,
        DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (call, _) in CallsWithZonesAsync(db, filter, campaignId, from, to, ct)) yield return call;
    }

    static IAsyncEnumerable<(Call, string[])> CallsWithZonesAsync(DialerDb db, string filter, Guid campaignId,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        db.RowsAsync<CallRow>($"""
            SELECT a.id, a.contact_id, c.phone, c.time_zones, a.dialed_at, a.answered_at, a.ended_at, a.answered_by,
              a.outcome,
                   extract(hour from a.dialed_at AT TIME ZONE c.time_zones[1])::int AS local_hour
              FROM call_attempts a JOIN contacts c ON c.id = a.contact_id
             WHERE a.campaign_id = @id AND {filter}
             ORDER BY a.dialed_at, a.id
            """, ct, P("id", campaignId), P("from", from), P("to", to))
            .Select(r => (new Call(
                r.Id, r.ContactId, r.Phone, r.TimeZones.FirstOrDefault(), r.DialedAt, r.AnsweredAt, r.EndedAt,
                r.AnsweredBy, r.Outcome, r.LocalHour), r.TimeZones));

    sealed record CallRow(Guid Id, long ContactId, string Phone, string[] TimeZones, DateTimeOffset? DialedAt,
        DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? AnsweredBy, string? Outcome, int? LocalHour);
    sealed record DayCount(DateOnly Date, long LiveAnswers, long Abandoned);
    sealed record DoNotCallCounts(long DoNotCallStopped, long Suppressed);

    static readonly string DoNotCallSql = $"""
        SELECT (SELECT count(*) FROM call_attempts a WHERE a.campaign_id = @id AND {CallFigures.DoNotCallStopped.Sql}
                   AND a.created_at >= @from AND a.created_at < @to) AS do_not_call_stopped,
               (SELECT count(*) FROM contacts c WHERE c.campaign_id = @id AND c.status = '{ContactStatus.Suppressed}')
                 AS suppressed
        """;
}

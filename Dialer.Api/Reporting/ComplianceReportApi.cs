using Dialer.Api.Auth;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Csv;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Reporting;

/// <summary>
/// The compliance report for a campaign and period (?from=&amp;to=, default: the campaign's whole life), as JSON, CSV
/// and a printable page.
/// </summary>
public static class ComplianceReportApi
{
    /// <summary>The longest period one report covers: a row a day in its daily table, every call of it read.</summary>
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366);

    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapComplianceReportApi(this RouteGroupBuilder campaign)
    {
        var report = campaign.MapGroup("").RequireAuthorization(Policies.Reader);
        report.MapGet("/compliance", Json);
        report.MapGet("/compliance.csv", Csv);
        return campaign;
    }

    /// <summary>The printable page of the report: /reports/compliance?campaign=&amp;from=&amp;to=.</summary>
    public static RouteHandlerBuilder MapCompliancePage(this IEndpointRouteBuilder app) =>
        app.MapGet("/reports/compliance", (Guid campaign, DateTimeOffset? from, DateTimeOffset? to, DialerDb db,
                TimeProvider clock, HttpResponse response, CancellationToken ct) =>
                Page(campaign, from, to, db, clock, response, ct))
            .WithTags("Reports").RequireAuthorization(Policies.Reader)
            .RequireTeamScope(TeamObject.Campaign, "campaign");

    static async Task<IResult> Json(Guid id, DateTimeOffset? from, DateTimeOffset? to, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var (campaign, start, end, problem) = await OpenAsync(db, id, from, to, clock, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(await ComplianceReport.ForAsync(db, campaign!, start, end, ct));
    }

    static async Task<IResult> Csv(Guid id, DateTimeOffset? from, DateTimeOffset? to, DialerDb db, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var (campaign, start, end, problem) = await OpenAsync(db, id, from, to, clock, ct);
        if (problem is not null) return problem;
        var report = await ComplianceReport.ForAsync(db, campaign!, start, end, ct);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition =
            $"attachment; filename=\"compliance-{id}-{start:yyyyMMdd}-{end:yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024);
        async Task Row(params object?[] cells) =>
            await writer.WriteLineAsync(string.Join(',', cells.Select(c => SpreadsheetSafe.Field(c switch
            {
                DateTimeOffset t => t.ToString("O"),
                double d => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
                _ => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture),
            }))));

        await Row("compliance report", report.Name, report.CampaignId);
        await Row("period", report.From, report.To);
        await Row("calling window (customer local time)", report.Window.Start.ToString("HH:mm"),
            report.Window.End.ToString("HH:mm"), string.Join(' ', report.Window.Days));
        await Row("abandon target", report.AbandonTarget, "window hours", report.AbandonWindowHours);
        await Row("live answers", report.HumanAnswers, "abandoned", report.Abandoned, "rate", report.AbandonRate,
            "within target", report.WithinTarget);
        await Row("calls outside the window", report.CallsOutsideWindow);
        await Row("do-not-call attempts stopped", report.DoNotCallAttemptsStopped, "contacts suppressed",
            report.ContactsSuppressed);
        await writer.WriteLineAsync();
        await Row("day (UTC)", "live answers", "abandoned", "rolling abandon rate");
        foreach (var d in report.Days)
            await Row(d.Date.ToString("yyyy-MM-dd"), d.HumanAnswers, d.Abandoned, d.RollingRate);
        await writer.WriteLineAsync();
        await Row("customer local hour", "calls", "inside window");
        foreach (var h in report.CallsByLocalHour) await Row(h.Hour, h.Calls, h.InWindow ? "yes" : "no");
        await writer.WriteLineAsync();
        await Row("attempts", "contacts");
        foreach (var a in report.AttemptsPerContact) await Row(a.Attempts, a.Contacts);
        await writer.WriteLineAsync();
        await Row(["abandoned call", .. CallColumns]);
        await foreach (var c in ComplianceReport.AbandonedCallsAsync(db, id, start, end, ct)) await Row(
            ["abandoned", .. Cells(c)]);
        await writer.WriteLineAsync();
        await Row(["call outside the window", .. CallColumns]);
        await foreach (var c in ComplianceReport.OutsideWindowAsync(db, campaign!, start, end, ct)) await Row(
            ["outside window", .. Cells(c)]);
        return TypedResults.Empty;
    }

    static readonly string[] CallColumns =
        ["attempt_id", "contact_id", "phone", "time_zone", "local_hour", "dialed_at", "answered_at", "ended_at",
        "answered_by", "outcome"];

    public static object?[] Cells(ComplianceReport.Call c) =>
        [c.AttemptId, c.ContactId, c.Phone, c.TimeZone, c.LocalHour, c.DialedAt, c.AnsweredAt, c.EndedAt, c.AnsweredBy,
            c.Outcome];

    static async Task<IResult> Page(Guid id, DateTimeOffset? from, DateTimeOffset? to, DialerDb db, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var (campaign, start, end, problem) = await OpenAsync(db, id, from, to, clock, ct);
        if (problem is not null) return problem;
        var report = await ComplianceReport.ForAsync(db, campaign!, start, end, ct);
        response.ContentType = "text/html; charset=utf-8";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024);
        await CompliancePage.WriteAsync(writer, report, ComplianceReport.AbandonedCallsAsync(db, id, start, end, ct),
            ComplianceReport.OutsideWindowAsync(db, campaign!, start, end, ct), clock.GetUtcNow());
        return TypedResults.Empty;
    }

    static async Task<(Campaign?, DateTimeOffset, DateTimeOffset, IResult?)> OpenAsync(DialerDb db, Guid id,
        DateTimeOffset? from, DateTimeOffset? to, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return (null, default, default, TypedResults.NotFound());
        if (from is { Year: < 2000 or > 2100 } || to is { Year: < 2000 or > 2100 })
            return (null, default, default,
                Hosting.Problems.BadRequest("from and to must be in the years 2000 to 2100."));
        var end = to ?? clock.GetUtcNow();
        var start = from ?? (campaign.CreatedAt > end - LongestPeriod ? campaign.CreatedAt : end - LongestPeriod);
        if (start >= end) return (null, start, end, Hosting.Problems.BadRequest("from must be before to."));
        if (end - start > LongestPeriod)
            return (null, start, end,
                Hosting.Problems.BadRequest($"from must be at most {LongestPeriod.TotalDays} days before to."));
        return (campaign, start, end, null);
    }
}

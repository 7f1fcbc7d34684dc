using System.Globalization;
using Dialer.Api.Auth;
using Dialer.Api.Teams;
using Dialer.Core.Csv;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dialer.Api.Reporting.Timesheets;

/// <summary>
/// Agents' timesheets: JSON, a streamed CSV (format=csv or Accept: text/csv) and a printable page. Managers and admins
/// only.
/// </summary>
public static class TimesheetsApi
{
    public const int LongestPeriodDays = 93;

    public static IEndpointRouteBuilder MapTimesheetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/timesheets", Get).WithTags("Reports").RequireAuthorization(Policies.Manager)
            .OwnTeamOnly(TeamObject.Agent);
        app.MapGet("/reports/timesheets", Page).WithTags("Reports").RequireAuthorization(Policies.Manager)
            .OwnTeamOnly(TeamObject.Agent);
        return app;
    }

    static async Task<IResult> Get(string? from, string? to, Guid? agentId, string? tz, string? format,
        HttpRequest request, HttpResponse response, DialerDb db, TeamScope scope, TimeProvider clock,
        CancellationToken ct)
    {
        var (period, errors) = Parse(from, to, agentId, tz, scope.OnlyTeam);
        if (errors is not null) return TypedResults.ValidationProblem(errors);
        var days = Timesheet.DaysAsync(db, period!, clock.GetUtcNow(), ct);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && request.Headers.Accept.ToString()
                .Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!csv) return TypedResults.Ok(days);

        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition =
            $"attachment; filename=\"timesheets-{period!.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync(CsvHeader);
        await foreach (var d in days)
            await writer.WriteLineAsync(string.Join(',', Cells(d).Select(SpreadsheetSafe.Field)));
        return TypedResults.Empty;
    }

    public const string CsvHeader =
        "agent_id,agent,date,first_login,last_logout,logged_in_seconds,available_seconds,reserved_seconds,"
        + "on_call_seconds,wrap_up_seconds,break_seconds,breaks,calls,talk_seconds,conversions,occupancy";

    static IEnumerable<string?> Cells(TimesheetDay d) =>
    [
        d.AgentId.ToString(), d.Agent, d.Date.ToString("yyyy-MM-dd"), d.FirstLogin?.ToString("O"),
        d.LastLogout?.ToString("O"), N(d.LoggedInSeconds), N(d.AvailableSeconds), N(d.ReservedSeconds),
        N(d.OnCallSeconds), N(d.WrapUpSeconds), N(d.BreakSeconds),
        string.Join("; ", d.Breaks.Select(b => $"{b.Key}={b.Value}")), N(d.Calls), N(d.TalkSeconds), N(d.Conversions),
        d.Occupancy.ToString("0.####", CultureInfo.InvariantCulture),
    ];

    static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    static async Task<IResult> Page(string? from, string? to, Guid? agentId, string? tz, HttpResponse response,
        DialerDb db, TeamScope scope, TimeProvider clock, CancellationToken ct)
    {
        var (period, errors) = Parse(from, to, agentId, tz, scope.OnlyTeam);
        if (errors is not null) return TypedResults.ValidationProblem(errors);
        response.ContentType = "text/html; charset=utf-8";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024);
        var now = clock.GetUtcNow();
        await TimesheetPage.WriteAsync(writer, period!, Timesheet.DaysAsync(db, period!, now, ct), now);
        return TypedResults.Empty;
    }

    /// <summary>from and to are days (yyyy-MM-dd) in the zone tz (an IANA name, default UTC), both inclusive.</summary>
    public static (TimesheetPeriod? Period, Dictionary<string, string[]>? Errors) Parse(string? from, string? to,
        Guid? agentId, string? tz, Guid? team = null)
    {
        var errors = new Dictionary<string, string[]>();
        static DateOnly? Day(string? s) =>
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : null;
        var start = Day(from);
        var end = Day(to);
        if (start is null) errors["from"] = ["A day as yyyy-MM-dd is required."];
        if (end is null) errors["to"] = ["A day as yyyy-MM-dd is required."];
        else if (start is { } s && end < s) errors["to"] = ["Must be on or after from."];
        else if (start is { } s2 && end.Value.DayNumber - s2.DayNumber + 1 > LongestPeriodDays)
            errors["to"] = [$"At most {LongestPeriodDays} days after from."];
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(tz)) zone = TimeZoneInfo.Utc;
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz, out zone) || !zone.HasIanaId)
            errors["tz"] = ["An IANA time zone such as Europe/Paris or America/New_York."];
        if (errors.Count > 0) return (null, errors);
        return (new TimesheetPeriod(start!.Value, end!.Value, zone!, agentId, team), null);
    }
}

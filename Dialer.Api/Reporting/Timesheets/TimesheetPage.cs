using System.Globalization;
using System.Net;

namespace Dialer.Api.Reporting.Timesheets;

/// <summary>
/// The timesheets as a document to print or save as PDF: plain HTML, every value encoded, rows streamed.
/// </summary>
public static class TimesheetPage
{
    const string Style = """
        body { font: 13px/1.45 system-ui, sans-serif; color: #1b2430; margin: 2rem auto; max-width: 90rem;
               padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin-bottom: .2rem; } .meta { color: #55606e; }
        table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
        th, td { text-align: right; padding: .25rem .5rem; border-bottom: 1px solid #e3e7ee;
                 font-variant-numeric: tabular-nums; white-space: nowrap; }
        th:nth-child(-n+2), td:nth-child(-n+2), td.breaks { text-align: left; }
        td.breaks { white-space: normal; color: #55606e; }
        th { background: #f3f5f8; font-weight: 600; } tr.first td { border-top: 2px solid #c9d1dc; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10px; } tr { break-inside: avoid; } .noprint { display: none; }
        }
        """;

    public static async Task WriteAsync(TextWriter w, TimesheetPeriod p, IAsyncEnumerable<TimesheetDay> days,
        DateTimeOffset printedAt)
    {
        static string E(object? v) => WebUtility.HtmlEncode(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
        await w.WriteAsync($"""
            <!doctype html><html lang=en><head><meta charset=utf-8>
            <title>Agent timesheets {p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}</title><style>{Style}</style></head><body>
            <button class=noprint onclick="print()">Print</button>
            <h1>Agent timesheets</h1>
            <p class=meta>{p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd} · times in {E(p.Zone.Id)}
            · occupancy = (talk + wrap-up) / logged in · printed {printedAt:yyyy-MM-dd HH:mm} UTC</p>
            <table><tr><th>Agent</th><th>Day</th><th>First login</th><th>Last logout</th><th>Logged in</th>
            <th>Available</th><th>Reserved</th><th>On call</th><th>Wrap-up</th><th>Break</th><th>Calls</th>
            <th>Conversions</th><th>Occupancy</th><th>Breaks by reason</th></tr>

            """);
        Guid? last = null;
        var any = false;
        await foreach (var d in days)
        {
            any = true;
            var breaks = string.Join(", ", d.Breaks.Select(b => $"{b.Key} {Hms(b.Value)}"));
            await w.WriteAsync(
                $"<tr class=\"{(d.AgentId != last ? "first" : "")}\">"
                + $"<td>{(d.AgentId != last ? E(d.Agent) : "")}</td>"
                + $"<td>{d.Date:yyyy-MM-dd ddd}</td><td>{d.FirstLogin:HH:mm:ss}</td><td>{d.LastLogout:HH:mm:ss}</td>"
                + $"<td>{Hms(d.LoggedInSeconds)}</td><td>{Hms(d.AvailableSeconds)}</td>"
                + $"<td>{Hms(d.ReservedSeconds)}</td><td>{Hms(d.OnCallSeconds)}</td><td>{Hms(d.WrapUpSeconds)}</td>"
                + $"<td>{Hms(d.BreakSeconds)}</td>"
                + $"<td>{d.Calls}</td><td>{d.Conversions}</td>"
                + $"<td>{d.Occupancy.ToString("0.0%", CultureInfo.InvariantCulture)}</td>"
                + $"<td class=breaks>{E(breaks)}</td>"
                + "</tr>\n");
            last = d.AgentId;
        }
        if (!any) await w.WriteAsync("<tr><td colspan=14>No agent was logged in during this period.</td></tr>\n");
        await w.WriteAsync("</table></body></html>");
    }

    public static string Hms(long seconds) => $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}";
}

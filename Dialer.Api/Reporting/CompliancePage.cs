using System.Globalization;
using System.Net;

namespace Dialer.Api.Reporting;

/// <summary>
/// The compliance report as a document to print or save as PDF: plain HTML, every value encoded, lists streamed.
/// </summary>
public static class CompliancePage
{
    const string Style = """
        body { font: 13px/1.45 system-ui, sans-serif; color: #1b2430; margin: 2rem auto; max-width: 60rem;
               padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin-bottom: .2rem; }
        h2 { font-size: 1.1rem; margin-top: 1.8rem; border-bottom: 1px solid #c9d1dc; }
        .meta { color: #55606e; } table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
        th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e3e7ee;
                 font-variant-numeric: tabular-nums; }
        th { background: #f3f5f8; } .ok { color: #17663a; font-weight: 600; } .bad { color: #b3261e; font-weight: 600; }
        tr.outside td { background: #fdecea; } .figures td:first-child { width: 40%; color: #55606e; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; } tr { break-inside: avoid; }
          .noprint { display: none; }
        }
        """;

    public static async Task WriteAsync(TextWriter w, ComplianceReport r,
        IAsyncEnumerable<ComplianceReport.Call> abandoned, IAsyncEnumerable<ComplianceReport.Call> outside,
        DateTimeOffset printedAt)
    {
        static string E(object? v) => WebUtility.HtmlEncode(v switch
        {
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            double d => d.ToString("0.00%", CultureInfo.InvariantCulture),
            null => "",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        });
        static string Verdict(bool ok, string yes, string no) =>
            ok ? $"<span class=ok>{yes}</span>" : $"<span class=bad>{no}</span>";

        await w.WriteAsync($"""
            <!doctype html><html lang=en><head><meta charset=utf-8><title>Compliance report: {E(r.Name)}</title>
            <style>{Style}</style></head><body>
            <button class=noprint onclick="print()">Print</button>
            <h1>Compliance report: {E(r.Name)}</h1>
            <p class=meta>Campaign {E(r.CampaignId)} · period {E(r.From)} to {E(r.To)} · printed {E(printedAt)}</p>
            <h2>Summary</h2><table class=figures>
            <tr><td>Calling window (customer's local time)</td>
            <td>{E(r.Window.Start.ToString("HH:mm"))}–{E(r.Window.End.ToString("HH:mm"))},
            {E(string.Join(", ", r.Window.Days))} (never outside 08:00–21:00)</td></tr>
            <tr><td>Live answers</td><td>{r.HumanAnswers}</td></tr>
            <tr><td>Abandoned (answered by a person, no agent connected)</td>
            <td>{r.Abandoned} ({E(r.AbandonRate)}) against a target of {E(r.AbandonTarget)}:
            {Verdict(r.WithinTarget, "within target", "over target")}</td></tr>
            <tr><td>Calls outside the calling window</td>
            <td>{Verdict(r.CallsOutsideWindow == 0, "none", r.CallsOutsideWindow + " calls")}</td></tr>
            <tr><td>Do-not-call hits stopped before dialing</td>
            <td>{r.DoNotCallAttemptsStopped} attempts; {r.ContactsSuppressed} contacts suppressed</td></tr>
            </table>
            <h2>Abandon rate by day (rolling {r.AbandonWindowHours / 24.0:0.#}-day window)</h2>
            <table><tr><th>Day (UTC)</th><th>Live answers</th><th>Abandoned</th><th>Rolling rate</th></tr>
            """);
        foreach (var d in r.Days)
            await w.WriteAsync(
                $"<tr><td>{d.Date:yyyy-MM-dd}</td><td>{d.HumanAnswers}</td><td>{d.Abandoned}</td>"
                + $"<td>{Verdict(d.RollingRate <= r.AbandonTarget, E(d.RollingRate), E(d.RollingRate))}</td></tr>\n");
        await w.WriteAsync(
            "</table><h2>Calls by the customer's local hour</h2>"
            + "<table><tr><th>Hour</th><th>Calls</th><th>Calling window</th></tr>\n");
        foreach (var h in r.CallsByLocalHour)
            await w.WriteAsync(
                $"<tr class=\"{(!h.InWindow && h.Calls > 0 ? "outside" : "")}\">"
                + $"<td>{h.Hour:00}:00</td><td>{h.Calls}</td>"
                + $"<td>{(h.InWindow ? "open" : h.Calls > 0 ? "<span class=bad>closed: calls made</span>" : "closed")}"
                + "</td></tr>\n");
        await w.WriteAsync("</table><h2>Attempts per contact</h2><table><tr><th>Attempts</th><th>Contacts</th></tr>\n");
        foreach (var a in r.AttemptsPerContact)
            await w.WriteAsync($"<tr><td>{a.Attempts}</td><td>{a.Contacts}</td></tr>\n");
        await w.WriteAsync("</table>");
        await CallsAsync(w, "Every abandoned call", abandoned, E);
        await CallsAsync(w, "Every call outside the calling window", outside, E);
        await w.WriteAsync("</body></html>");
    }

    static async Task CallsAsync(TextWriter w, string title, IAsyncEnumerable<ComplianceReport.Call> calls,
        Func<object?, string> e)
    {
        await w.WriteAsync(
            $"<h2>{e(title)}</h2><table><tr><th>Attempt</th><th>Contact</th><th>Phone</th><th>Zone</th>"
            + "<th>Local hour</th><th>Dialed</th><th>Answered</th><th>Ended</th></tr>\n");
        var any = false;
        await foreach (var c in calls)
        {
            any = true;
            await w.WriteAsync(
                $"<tr><td>{e(c.AttemptId)}</td><td>{c.ContactId}</td><td>{e(c.Phone)}</td><td>{e(c.TimeZone)}</td>"
                + $"<td>{e(c.LocalHour)}</td><td>{e(c.DialedAt)}</td><td>{e(c.AnsweredAt)}</td><td>{e(c.EndedAt)}</td>"
                + "</tr>\n");
        }
        if (!any) await w.WriteAsync("<tr><td colspan=8>None.</td></tr>\n");
        await w.WriteAsync("</table>");
    }
}

using System.Globalization;
using Dialer.TwilioSimulator.Records;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// GET Calls.json: newest first, filtered by To, From, Status and StartTime (=, &gt;, &lt;, &gt;=, &lt;=), paged like
/// Twilio. A call still queued has no start time yet; it is filtered by when it was created, so a client reconciling
/// "calls to this number since I sent the request" finds it.
/// </summary>
public static class CallList
{
    public static IResult Read(string accountSid, HttpRequest request, CallRecordStore records)
    {
        var query = request.Query;
        var filters = new List<Func<SimCall, bool>>();
        if (query["To"].ToString() is { Length: > 0 } to) filters.Add(c => c.To == to);
        if (query["From"].ToString() is { Length: > 0 } from) filters.Add(c => c.From == from);
        if (query["Status"].ToString() is { Length: > 0 } status) filters.Add(c => c.Status == status);
        foreach (var (name, test) in TimeFilters)
        {
            if (query[name].ToString() is not { Length: > 0 } text) continue;
            if (!TryParseTime(text, out var bound, out var dateOnly))
                return TwilioError.Result(400, 20001, $"Invalid {name}: {text}");
            filters.Add(c => test(dateOnly ? new DateTimeOffset(Started(c).UtcDateTime.Date, TimeSpan.Zero)
                : Started(c), bound));
        }

        var pageSize = int.TryParse(query["PageSize"], out var size) ? Math.Clamp(size, 1, 1000) : 50;
        var page = int.TryParse(query["Page"], out var p) ? Math.Max(p, 0) : 0;
        var matching = records.All().Where(c => filters.All(f => f(c))).OrderByDescending(c => c.Number).ToList();
        var calls = matching.Skip(page * pageSize).Take(pageSize).Select(CallResourceJson.Of).ToList();

        var path = $"/2010-04-01/Accounts/{accountSid}/Calls.json";
        var kept = string.Join("", query.Where(q => q.Key is not ("Page" or "PageSize" or "PageToken"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}&")));
        string PageUri(int n) => $"{path}?{kept}PageSize={pageSize}&Page={n}" + (n > 0 ? $"&PageToken=PA{n}" : "");
        var hasNext = (page + 1) * pageSize < matching.Count;

        return Results.Json(new Dictionary<string, object?>
        {
            ["calls"] = calls,
            ["end"] = page * pageSize + Math.Max(calls.Count - 1, 0),
            ["first_page_uri"] = PageUri(0),
            ["next_page_uri"] = hasNext ? PageUri(page + 1) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? PageUri(page - 1) : null,
            ["start"] = page * pageSize,
            ["uri"] = PageUri(page),
        }, CallResourceJson.Json);
    }

    static readonly (string Name, Func<DateTimeOffset, DateTimeOffset, bool> Test)[] TimeFilters =
    [
        ("StartTime", (t, b) => t == b),
        ("StartTime>", (t, b) => t > b),
        ("StartTime<", (t, b) => t < b),
        ("StartTime>=", (t, b) => t >= b),
        ("StartTime<=", (t, b) => t <= b),
    ];

    static DateTimeOffset Started(SimCall call)
    {
        lock (call.Gate) return call.StartTime ?? call.CreatedAt;
    }

    static bool TryParseTime(string text, out DateTimeOffset time, out bool dateOnly)
    {
        dateOnly = DateOnly.TryParseExact(
            text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        if (dateOnly)
        {
            time = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}

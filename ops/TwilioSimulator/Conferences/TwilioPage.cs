using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Conferences;

/// <summary>A list resource's page, paged like Twilio's: the items under <c>key</c>, then the paging fields.</summary>
public static class TwilioPage
{
    public static IResult Of<T>(HttpRequest request, string path, string key, IReadOnlyList<T> matching)
    {
        var query = request.Query;
        var pageSize = int.TryParse(query["PageSize"], out var size) ? Math.Clamp(size, 1, 1000) : 50;
        var page = int.TryParse(query["Page"], out var p) ? Math.Max(p, 0) : 0;
        var items = matching.Skip(page * pageSize).Take(pageSize).ToList();
        var kept = string.Join("", query.Where(q => q.Key is not ("Page" or "PageSize" or "PageToken"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}&")));
        string PageUri(int n) => $"{path}?{kept}PageSize={pageSize}&Page={n}" + (n > 0 ? $"&PageToken=PA{n}" : "");

        return Results.Json(new Dictionary<string, object?>
        {
            [key] = items,
            ["end"] = page * pageSize + Math.Max(items.Count - 1, 0),
            ["first_page_uri"] = PageUri(0),
            ["next_page_uri"] = (page + 1) * pageSize < matching.Count ? PageUri(page + 1) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? PageUri(page - 1) : null,
            ["start"] = page * pageSize,
            ["uri"] = PageUri(page),
        }, CallResourceJson.Json);
    }
}

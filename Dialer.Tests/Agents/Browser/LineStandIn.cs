using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dialer.Tests.Agents.Browser;

/// <summary>
/// The server's side of the agent's line, answered in the page with Playwright's page.route until the lead's routes
/// land in main: POST/DELETE /api/agent-console/line, /line/mute, and a call's hold, hangup and digits, per the fixed
/// contract. GET /api/agent-console/me goes to the real Api and comes back with this line (and, when asked, a call) in
/// it. Everything the console sent is kept in <see cref="Requests"/>. The token (GET /api/agent-console/token) is the
/// real Api's.
/// </summary>
public sealed partial class LineStandIn
{
    public sealed record Request(string Method, string Path, JsonNode? Body);

    readonly Lock _gate = new();
    JsonObject _line = Line(null, null, "None", null);
    JsonObject? _call;
    JsonNode? _lastMe;
    public ConcurrentQueue<Request> Requests { get; } = new();

    public static async Task<LineStandIn> InstallAsync(IPage page)
    {
        var standIn = new LineStandIn();
        await page.RouteAsync(MePath(), standIn.MeAsync);
        await page.RouteAsync(LinePaths(), standIn.LineAsync);
        return standIn;
    }

    /// <summary>What the server does when the agent's leg joins their room: the line is open.</summary>
    public void Open() { lock (_gate) _line = Line((string?)_line["kind"], (string?)_line["address"], "Open", null); }

    /// <summary>What the server does when the line's call ends without the agent: dropped, with the reason.</summary>
    public void Drop(string reason)
    {
        lock (_gate) _line = Line((string?)_line["kind"], (string?)_line["address"], "Dropped", reason);
    }

    /// <summary>The agent on a call with a customer (state onCall and the screen pop's call), as the server shows
    /// it.</summary>
    public void OnCall(Guid attemptId) =>
        _call = JsonNode.Parse($$"""
            { "attemptId": "{{attemptId}}", "campaignId": "{{Guid.NewGuid()}}", "campaignName": "Spring offer",
              "script": null,
              "dispositions": ["sale", "no-sale"], "state": "Bridged", "answeredAt": "{{DateTimeOffset.UtcNow:O}}",
              "bridgedAt": "{{DateTimeOffset.UtcNow:O}}", "endedAt": null, "disposition": null, "wrapUpDeadline": null,
              "contact": { "id": 1, "name": "Grace Hopper", "phone": "+14155550142", "customFields": null,
                           "history": [] } }
            """)!.AsObject();

    public Request[] Sent(string method, string pathEnd) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd)).ToArray();

    async Task MeAsync(IRoute route)
    {
        var response = await route.FetchAsync();
        var me = JsonNode.Parse(await response.TextAsync())!.AsObject();
        lock (_gate)
        {
            me["line"] = _line.DeepClone();
            if (_call is not null) { me["state"] = "onCall"; me["call"] = _call.DeepClone(); }
            _lastMe = me.DeepClone();
        }
        await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = me.ToJsonString() });
    }

    async Task LineAsync(IRoute route)
    {
        var request = route.Request;
        var path = new Uri(request.Url).AbsolutePath;
        var body = request.PostData is { Length: > 0 } data ? JsonNode.Parse(data) : null;
        Requests.Enqueue(new Request(request.Method, path, body));
        if (!path.EndsWith("/api/agent-console/line")) { await route.FulfillAsync(new() { Status = 204 }); return; }

        int status; string json;
        lock (_gate)
        {
            (status, json) = request.Method == "DELETE" ? HangUp() : Connect(body);
        }
        await route.FulfillAsync(
            new()
            {
                Status = status, ContentType = status == 202 ? "application/json" : "application/problem+json",
                Body = json
            });
    }

    (int, string) Connect(JsonNode? body)
    {
        var kind = (string?)body?["kind"];
        var address = (string?)body?["address"];
        if ((string?)_line["state"] is "Connecting" or "Open")
            return (409, Problem(409, "Your line is already connected."));
        if (kind is not ("browser" or "phone" or "sip"))
            return (400,
                Problem(400, "One or more validation errors occurred.", ("kind", "Choose browser, phone or sip.")));
        if (kind == "phone" && (address is null || !E164().IsMatch(address)))
            return (400,
                Problem(400, "One or more validation errors occurred.",
                    ("address", "Give your number in E.164 form, e.g. +14155550123.")));
        _line = Line(kind, kind == "browser" ? null : address, "Connecting", null);
        return (202, View());
    }

    (int, string) HangUp()
    {
        _line = Line((string?)_line["kind"], (string?)_line["address"], "None", null);
        return (202, View());
    }

    string View()
    {
        var me = (_lastMe?.DeepClone() ?? new JsonObject()).AsObject();
        me["line"] = _line.DeepClone();
        return me.ToJsonString();
    }

    static JsonObject Line(string? kind, string? address, string state, string? reason) => new()
    {
        ["kind"] = kind, ["address"] = address, ["state"] = state,
        ["since"] = state == "None" ? null : DateTimeOffset.UtcNow.ToString("O"), ["reason"] = reason,
    };

    static string Problem(int status, string title, params (string Field, string Message)[] errors)
    {
        var problem = new JsonObject { ["title"] = title, ["status"] = status };
        if (status == 409) problem["detail"] = title;
        if (errors.Length > 0) problem["errors"] = new JsonObject(
            errors.Select(e => KeyValuePair.Create(e.Field, (JsonNode?)new JsonArray(e.Message))));
        return problem.ToJsonString(new JsonSerializerOptions());
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")] private static partial Regex E164();
    [GeneratedRegex(@"/api/agent-console/me$")] private static partial Regex MePath();
    [GeneratedRegex(@"/api/agent-console/(line(/mute)?|calls/[^/]+/(hold|hangup|digits))$")]
    private static partial Regex LinePaths();
}

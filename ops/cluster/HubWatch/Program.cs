using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// The cluster run's dashboard watcher (ops/cluster/run): a manager's live dashboard through the proxy, as the page
// holds it (a sticky cookie, a one-time hub ticket per connect, automatic reconnects), plus the dashboard's REST
// snapshot once a second. One JSON line per event to --out; --status holds the Api the hub connection sits on.
//   HubWatch --base http://127.0.0.1:5400 --key KEY --out watch.jsonl --status watch.status
var options = Args.Parse(args);
var cookies = new CookieContainer();
var baseUri = new Uri(options["base"]);
using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseUri };
http.DefaultRequestHeaders.Add("X-Api-Key", options["key"]);
await using var log = new StreamWriter(options["out"], append: false) { AutoFlush = true };
var gate = new SemaphoreSlim(1);

async Task Write(object entry)
{
    await gate.WaitAsync();
    try { await log.WriteLineAsync(JsonSerializer.Serialize(entry)); }
    finally { gate.Release(); }
}

string Api() => cookies.GetCookies(baseUri)["DIALER_API"]?.Value ?? "";
double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

var hub = new HubConnectionBuilder()
    .WithUrl(new Uri(baseUri, "/hubs/dashboard"), o =>
    {
        o.Cookies = cookies;
        o.AccessTokenProvider = async () =>
        {
            using var response = await http.PostAsync("/api/hub-tickets", null);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("ticket").GetString();
        };
    })
    .WithAutomaticReconnect(new EverySecond())
    .Build();
hub.On<JsonElement>("campaign", f => Write(new
{
    t = Now(), @event = "campaign", api = Api(), campaign = f.GetProperty("campaignId").GetString(),
}));
hub.Reconnecting += e => Write(new { t = Now(), @event = "reconnecting", api = Api(), error = e?.Message });
hub.Reconnected += _ => Write(new { t = Now(), @event = "reconnected", api = Api() });
hub.Closed += e => Write(new { t = Now(), @event = "closed", api = Api(), error = e?.Message });

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
while (!stop.IsCancellationRequested)
{
    try { await hub.StartAsync(stop.Token); break; }
    catch (Exception e) when (!stop.IsCancellationRequested)
    {
        await Write(new { t = Now(), @event = "connect-failed", error = e.Message });
        await Task.Delay(1000);
    }
}
await Write(new { t = Now(), @event = "connected", api = Api() });

while (!stop.IsCancellationRequested)
{
    int status;
    try
    {
        using var snapshot = await http.GetAsync("/api/dashboard/campaigns", stop.Token);
        status = (int)snapshot.StatusCode;
    }
    catch (Exception) when (!stop.IsCancellationRequested) { status = 0; }
    catch (OperationCanceledException) { break; }
    await Write(new { t = Now(), @event = "rest", status, api = Api() });
    await File.WriteAllTextAsync(options["status"], $"{hub.State} {Api()}\n");
    try { await Task.Delay(1000, stop.Token); }
    catch (OperationCanceledException) { break; }
}
await hub.DisposeAsync();

/// <summary>Like the managers' page: keep trying, forever, about once a second.</summary>
sealed class EverySecond : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext context) =>
        TimeSpan.FromMilliseconds(context.PreviousRetryCount == 0 ? 0 : 1000);
}

static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var parsed = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) parsed[args[i].TrimStart('-')] = args[i + 1];
        foreach (var required in new[] { "base", "key", "out", "status" })
            if (!parsed.ContainsKey(required)) throw new ArgumentException($"--{required} is required");
        return parsed;
    }
}

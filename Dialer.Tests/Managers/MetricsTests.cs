using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

/// <summary>On a real socket: /metrics answers on the management port only.</summary>
public sealed class MetricsTests(LiveApi api) : IClassFixture<LiveApi>
{
    [Fact]
    public async Task The_api_answers_prometheus_scrapes_with_the_dialer_meter()
    {
        await KnownHistory.SeedAsync(api.Database);
        var (_, managerKey) = await api.AddUserAsync(Role.Manager, "metrics manager");
        // the dashboard learns the lines in flight
        await api.ClientWith(managerKey).GetStringAsync("/api/dashboard/campaigns");

        using var scraper = new HttpClient();
        // ASP.NET Core records a request's duration as the request ends, which may be just after its client has the
        // answer: scrape again briefly until the dashboard request is in
        HttpResponseMessage response;
        string text;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            response = await scraper.GetAsync(api.ManagementUrl + "/metrics");
            text = await response.Content.ReadAsStringAsync();
        } while (!text.Contains("http_server_request_duration_seconds") && DateTime.UtcNow < deadline
            && await Task.Delay(100).ContinueWith(_ => true));

        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Contains("# TYPE dials_total counter", text);
        Assert.Contains("# TYPE calls_answered_total counter", text);
        Assert.Contains("# TYPE calls_abandoned_total counter", text);
        Assert.Contains("# TYPE attempts_in_flight gauge", text);
        Assert.Matches(@"attempts_in_flight\{[^}]*campaign_id=""[0-9a-f-]+""[^}]*\} 1", text);
        Assert.Matches(@"(?m)^abandon_rate\{[^}]*campaign_id=""[0-9a-f-]+""[^}]*\} \d", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }
}

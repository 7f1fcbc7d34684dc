using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

[Collection(ApiCollection.Name)]
public sealed class ComplianceReportTests(ApiFactory api)
{
    static string Period => $"from={KnownHistory.Day:O}&to={KnownHistory.Day.AddDays(1):O}".Replace("+", "%2B");

    [Fact]
    public async Task Abandon_figures_count_live_answers_with_no_agent_against_the_target()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var report = (await api.ClientAs(Role.Manager)
            .GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/compliance?{Period}"))!;

        Assert.Equal(5, (long)report["humanAnswers"]!);
        Assert.Equal(1, (long)report["abandoned"]!);
        Assert.Equal(0.2, (double)report["abandonRate"]!);
        Assert.False((bool)report["withinTarget"]!);
        var day = Assert.Single(report["days"]!.AsArray())!;
        Assert.Equal("2026-06-10", (string)day["date"]!);
        Assert.Equal(0.2, (double)day["rollingRate"]!);
    }

    [Fact]
    public async Task Calls_by_local_hour_show_none_outside_the_window()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var report = (await api.ClientAs(Role.Manager)
            .GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/compliance?{Period}"))!;

        var hours = report["callsByLocalHour"]!.AsArray();
        Assert.Equal(24, hours.Count);
        Assert.Equal(5, (long)hours[11]!["calls"]!);
        Assert.Equal(1, (long)hours[13]!["calls"]!);
        Assert.Equal(4, (long)hours[14]!["calls"]!);
        Assert.Equal(10, hours.Sum(h => (long)h!["calls"]!));
        Assert.All(hours, h => Assert.True((bool)h!["inWindow"]! || (long)h["calls"]! == 0));
        Assert.False((bool)hours[8]!["inWindow"]!);  // the campaign opens at 09:00
        Assert.False((bool)hours[20]!["inWindow"]!); // and closes at 20:00
        Assert.Equal(0, (long)report["callsOutsideWindow"]!);
    }

    [Fact]
    public async Task Do_not_call_hits_and_attempts_per_contact_are_counted()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var report = (await api.ClientAs(Role.Manager)
            .GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/compliance?{Period}"))!;

        Assert.Equal(1, (long)report["doNotCallAttemptsStopped"]!);
        Assert.Equal(1, (long)report["contactsSuppressed"]!);
        var perContact = report["attemptsPerContact"]!.AsArray()
            .ToDictionary(a => (int)a!["attempts"]!, a => (long)a!["contacts"]!);
        Assert.Equal(new Dictionary<int, long> { [1] = 9, [2] = 1 }, perContact);
    }

    [Fact]
    public async Task A_call_before_the_window_opens_is_flagged_in_every_form()
    {
        var id = await KnownHistory.SeedCallOutsideWindowAsync(api.Database);
        var manager = api.ClientAs(Role.Manager);

        var report = (await manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/compliance?{Period}"))!;
        var csv = await manager.GetStringAsync($"/api/campaigns/{id}/compliance.csv?{Period}");
        var page = await manager.GetStringAsync($"/reports/compliance?campaign={id}&{Period}");

        Assert.Equal(1, (long)report["callsOutsideWindow"]!);
        Assert.Equal(1, (long)report["callsByLocalHour"]![6]!["calls"]!);
        Assert.Contains(csv.Split('\n'),
            l => l.StartsWith("outside window,") && l.Contains("+13105550111") && l.Contains(",6,"));
        Assert.Contains("closed: calls made", page);
        Assert.Contains("1 calls", page);
    }

    [Fact]
    public async Task The_csv_and_the_printable_page_list_every_abandoned_call()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var manager = api.ClientAs(Role.Manager);

        var csv = await manager.GetStringAsync($"/api/campaigns/{id}/compliance.csv?{Period}");
        var page = await manager.GetAsync($"/reports/compliance?campaign={id}&{Period}");
        var html = await page.Content.ReadAsStringAsync();

        var abandoned = Assert.Single(csv.Split('\n'), l => l.StartsWith("abandoned,"));
        Assert.Contains("+14155550003", abandoned);
        Assert.Contains("2026-06-10T18:03:10", abandoned); // answered ten seconds after the dial
        Assert.Contains("live answers,5,abandoned,1,rate,0.2,within target,False", csv);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        Assert.Contains("@media print", html);
        Assert.Contains("+14155550003", html);
        Assert.Contains("over target", html);
    }
}

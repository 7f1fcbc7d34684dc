using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

[Collection(ApiCollection.Name)]
public sealed class CampaignResultsTests(ApiFactory api)
{
    [Fact]
    public async Task The_funnel_counts_every_known_call_to_the_call()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var results = await api.ClientAs(Role.Manager).GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results");

        var totals = results!["totals"]!;
        Assert.Equal(10, (long)totals["dials"]!);
        Assert.Equal(6, (long)totals["answers"]!);
        Assert.Equal(5, (long)totals["humanAnswers"]!);
        Assert.Equal(1, (long)totals["machineAnswers"]!);
        Assert.Equal(4, (long)totals["connects"]!);
        Assert.Equal(1, (long)totals["abandoned"]!);
        Assert.Equal(2, (long)totals["conversions"]!);
        Assert.Equal(0.5, (double)totals["conversionPerConnect"]!);
        Assert.Equal(0.2, (double)totals["conversionPerDial"]!);
    }

    [Fact]
    public async Task Cost_per_conversion_bills_each_call_by_the_started_minute()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var costs = (await api.ClientAs(Role.Marketer)
            .GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!["costs"]!;

        Assert.Equal(9, (long)costs["billedMinutes"]!); // 125s=3, 60s=1, 5s=1, 20s=1, 61s=2, 30s=1
        Assert.Equal(0.18m, (decimal)costs["total"]!);
        Assert.Equal(0.09m, (decimal)costs["perConversion"]!);
    }

    [Fact]
    public async Task Breakdowns_go_by_the_customers_local_hour_by_agent_and_by_zone()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var results = (await api.ClientAs(Role.Manager).GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!;

        var hours = results["byLocalHour"]!.AsArray().ToDictionary(h => (string)h!["key"]!, h => h!);
        Assert.Equal(["11", "13", "14"], hours.Keys.Order());
        Assert.Equal(5, (long)hours["11"]["dials"]!);
        Assert.Equal(1, (long)hours["11"]["conversions"]!);
        Assert.Equal(1, (long)hours["13"]["dials"]!);
        Assert.Equal(4, (long)hours["14"]["dials"]!);
        var agents = results["byAgent"]!.AsArray().ToDictionary(a => (string)a!["key"]!, a => a!);
        Assert.Equal(2, (long)agents["Ada"]["connects"]!);
        Assert.Equal(1, (long)agents["Ada"]["conversions"]!);
        Assert.Equal(2, (long)agents["Bob"]["connects"]!);
        var zones = results["byTimeZone"]!.AsArray().ToDictionary(z => (string)z!["key"]!, z => (long)z!["dials"]!);
        Assert.Equal(5, zones["America/New_York"]);
        Assert.Equal(5, zones["America/Los_Angeles"]);
    }

    [Fact]
    public async Task Results_csv_has_one_row_per_contact_with_formulas_neutralised()
    {
        var id = await KnownHistory.SeedAsync(api.Database);

        var response = await api.ClientAs(Role.Manager)
            .GetAsync($"/api/campaigns/{id}/results.csv", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength); // streamed, not buffered whole
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r'))
            .ToArray();
        Assert.Equal(Dialer.Api.Reporting.CampaignResultsApi.CsvHeader, lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.Contains(lines,
            l => l.Contains("'" + KnownHistory.FormulaName) && l.Contains(",done,1,completed,")
                && l.EndsWith(",callback,Bob"));
        Assert.DoesNotContain(lines, l => l.Contains("," + KnownHistory.FormulaName));
        Assert.Contains(lines, l => l.Contains(",suppressed,1,do-not-call,"));
        Assert.Contains(lines, l => l.Contains(",done,2,completed,") && l.EndsWith(",sale,Ada"));
    }

    [Theory]
    [InlineData("/api/campaigns/{id}/results")]
    [InlineData("/api/campaigns/{id}/results.csv")]
    [InlineData("/api/campaigns/{id}/compliance")]
    [InlineData("/api/campaigns/{id}/compliance.csv")]
    [InlineData("/reports/compliance?campaign={id}")]
    [InlineData("/api/campaigns/{id}/timeline")]
    public async Task Reports_refuse_the_agent_role_and_strangers(string path)
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var url = path.Replace("{id}", id.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientAs(Role.Agent).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientAs(Role.Manager).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Results_of_an_unknown_campaign_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound,
            (await api.ClientAs(Role.Manager).GetAsync($"/api/campaigns/{Guid.NewGuid()}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await api.ClientAs(Role.Manager).GetAsync($"/api/campaigns/{Guid.NewGuid()}/results.csv")).StatusCode);
    }
}

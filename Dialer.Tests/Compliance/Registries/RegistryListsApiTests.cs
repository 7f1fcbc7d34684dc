using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Registries;

/// <summary>Registry copies through the API, uploaded by a team of their own (team B) so that no other test's
/// campaigns are bound by them.</summary>
[Collection(ApiCollection.Name)]
public sealed class RegistryListsApiTests(ApiFactory api)
{
    static string Today(int daysAgo = 0) => DateTime.UtcNow.Date.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    static Task<HttpResponseMessage> UploadAsync(HttpClient client, string body, string name = "Lista Robinson",
        string jurisdiction = "ES", string? on = null, bool forAllTeams = false)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new("text/plain");
        var query = $"name={Uri.EscapeDataString(name)}&jurisdiction={jurisdiction}&downloadedOn={on ?? Today()}"
            + (forAllTeams ? "&forAllTeams=true" : "");
        return client.PostAsync($"/api/registry-lists?{query}", content);
    }

    [Fact]
    public async Task A_file_of_one_number_per_line_loads_its_good_lines_and_reports_each_bad_one()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var file = "+34 600 000 001\n600000002\n\nnot a number\n600000002\n+34600000003\n12\n";

        var response = await UploadAsync(teams.MarketerB, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(6, report["linesRead"]!.GetValue<int>());
        Assert.Equal(3, report["list"]!["numbers"]!.GetValue<int>()); // the repeated number once
        var rejected = report["rejected"]!.AsArray().Select(r => r!["line"]!.GetValue<int>()).ToList();
        Assert.Equal([4, 7], rejected);
        Assert.Equal("ES", report["list"]!["jurisdiction"]!.GetValue<string>());
        Assert.Equal(30, report["list"]!["maxAgeDays"]!.GetValue<int>());
        Assert.False(report["list"]!["stale"]!.GetValue<bool>());
        await using var db = api.Database.CreateDb();
        var id = report["list"]!["id"]!.GetValue<Guid>();
        Assert.Equal(["+34600000001", "+34600000002", "+34600000003"],
            await db.RegistryNumbers.Where(n => n.ListId == id).Select(n => n.Phone).OrderBy(p => p).ToListAsync());
    }

    [Fact]
    public async Task The_US_registry_format_and_a_csv_with_a_phone_column_both_read()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var us = await (await UploadAsync(teams.MarketerB, "201,5550123\n212,5550199\n", "National DNC", "US"))
            .ReadJsonAsync();
        Assert.Equal(2, us["list"]!["numbers"]!.GetValue<int>());
        var csv = await (await UploadAsync(teams.MarketerB, "name,phone\nA,+447911123456\nB,oops\n", "TPS", "GB"))
            .ReadJsonAsync();
        Assert.Equal(1, csv["list"]!["numbers"]!.GetValue<int>());
        Assert.Equal(3, csv["rejected"]![0]!["line"]!.GetValue<int>());
        await using var db = api.Database.CreateDb();
        var usId = us["list"]!["id"]!.GetValue<Guid>();
        Assert.Equal(["+12015550123", "+12125550199"],
            await db.RegistryNumbers.Where(n => n.ListId == usId).Select(n => n.Phone).OrderBy(p => p).ToListAsync());
    }

    [Fact]
    public async Task A_newer_copy_replaces_the_older_and_an_older_one_is_refused()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var first = await (await UploadAsync(teams.MarketerB, "600000001\n600000002\n", on: Today(10)))
            .ReadJsonAsync();
        var second = await UploadAsync(teams.MarketerB, "600000003\n", name: "lista robinson", on: Today(2));
        var report = await second.ReadJsonAsync();
        Assert.True(report["replaced"]!.GetValue<bool>());

        var lists = await teams.MarketerB.GetFromJsonAsync<JsonArray>("/api/registry-lists");
        var only = Assert.Single(lists!);
        Assert.Equal(report["list"]!["id"]!.GetValue<Guid>(), only!["id"]!.GetValue<Guid>());
        var oldId = first["list"]!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound,
            (await teams.MarketerB.GetAsync($"/api/registry-lists/{oldId}")).StatusCode);
        await using (var db = api.Database.CreateDb())
            Assert.False(await db.RegistryNumbers.AnyAsync(n => n.ListId == oldId));

        var older = await UploadAsync(teams.MarketerB, "600000004\n", on: Today(5));
        Assert.Equal(HttpStatusCode.Conflict, older.StatusCode);
        var empty = await UploadAsync(teams.MarketerB, "nothing here\n", on: Today(1));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Single((await teams.MarketerB.GetFromJsonAsync<JsonArray>("/api/registry-lists"))!);
    }

    [Fact]
    public async Task A_copy_older_than_its_jurisdiction_allows_reads_as_stale()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var report = await (await UploadAsync(teams.MarketerB, "201,5550123\n", "National DNC", "US", Today(32)))
            .ReadJsonAsync();
        Assert.True(report["list"]!["stale"]!.GetValue<bool>());
        Assert.Equal(31, report["list"]!["maxAgeDays"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("", "ES", "2026-01-01", "name")]
    [InlineData("Lista Robinson", "XX", "2026-01-01", "jurisdiction")]
    [InlineData("Florida DNC", "US-XX", "2026-01-01", "jurisdiction")]
    [InlineData("Florida DNC", "FL", "2026-01-01", "jurisdiction")]
    [InlineData("Florida DNC", "ES-MD", "2026-01-01", "jurisdiction")]
    [InlineData("Florida DNC", "US-FLORIDA", "2026-01-01", "jurisdiction")]
    [InlineData("Lista Robinson", "ES", "yesterday", "downloadedOn")]
    [InlineData("Lista Robinson", "ES", "2999-01-01", "downloadedOn")]
    public async Task A_bad_parameter_is_a_400_naming_it(string name, string jurisdiction, string on, string field)
    {
        var response = await UploadAsync(api.ClientAs(Role.Marketer), "600000001\n", name, jurisdiction, on);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Another_teams_copy_is_404_a_manager_may_not_upload_and_only_an_admin_uploads_for_all_teams()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var b = await (await UploadAsync(teams.MarketerB, "600000001\n")).ReadJsonAsync();
        var id = b["list"]!["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerA.GetAsync($"/api/registry-lists/{id}")).StatusCode);
        Assert.DoesNotContain((await teams.MarketerA.GetFromJsonAsync<JsonArray>("/api/registry-lists"))!,
            l => l!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.OK, (await teams.ManagerB.GetAsync($"/api/registry-lists/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(teams.ManagerB, "600000001\n")).StatusCode);
        var everyTeam = await UploadAsync(teams.MarketerB, "600000001\n", forAllTeams: true);
        Assert.Equal(HttpStatusCode.BadRequest, everyTeam.StatusCode);
        Assert.True((await everyTeam.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("forAllTeams"));
    }

    [Fact]
    public async Task The_prelaunch_check_counts_registry_numbers_as_never_called_and_names_an_old_copy()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        await UploadAsync(teams.MarketerB, "+34915550301\n", on: Today(1));
        await UploadAsync(teams.MarketerB, "201,5550123\n", "National DNC", "US", Today(40));
        (await teams.MarketerB.UploadCsvAsync(teams.CampaignB,
            "phone\n+34915550301\n+34915550302\n+14155550303\n")).EnsureSuccessStatusCode();

        var report = await teams.MarketerB.GetFromJsonAsync<JsonObject>(
            $"/api/campaigns/{teams.CampaignB}/prelaunch");

        var never = report!["never"]!["reasons"]!.AsObject();
        Assert.Equal(1, never["national-registry"]!.GetValue<int>());
        Assert.Equal(1, report["never"]!["rules"]!["national-registry: Lista Robinson (ES) of " + Today(1)]!
            .GetValue<int>());
        var problems = report["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Contains(problems, p => p.StartsWith($"National DNC (US) of {Today(40)} is older than US's 31 days"));
    }

    [Fact]
    public async Task A_state_registry_binds_the_states_contacts_by_area_code_or_list_and_the_check_names_it()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        // the state list holds a Miami number and a San Francisco number whose holder lives in Florida
        var upload = await UploadAsync(teams.MarketerB, "305,5550401\n415,5550402\n415,5550403\n", "Florida DNC",
            "us-fl", Today(3));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var report = await upload.ReadJsonAsync();
        Assert.Equal("US-FL", report["list"]!["jurisdiction"]!.GetValue<string>());
        Assert.Equal(92, report["list"]!["maxAgeDays"]!.GetValue<int>());
        Assert.Equal(3, report["list"]!["numbers"]!.GetValue<int>());
        (await teams.MarketerB.UploadCsvAsync(teams.CampaignB,
            "phone,state\n+13055550401,\n+14155550402,FL\n+14155550403,\n")).EnsureSuccessStatusCode();

        var check = await teams.MarketerB.GetFromJsonAsync<JsonObject>(
            $"/api/campaigns/{teams.CampaignB}/prelaunch");

        // the third is on Florida's list but neither its area code nor its list puts it in Florida
        Assert.Equal(2, check!["never"]!["reasons"]!["national-registry"]!.GetValue<int>());
        Assert.Equal(2, check["never"]!["rules"]!["national-registry: Florida DNC (US-FL) of " + Today(3)]!
            .GetValue<int>());

        var old = await (await UploadAsync(teams.MarketerB, "317,5550404\n", "Indiana DNC", "US-IN", Today(93)))
            .ReadJsonAsync();
        Assert.True(old["list"]!["stale"]!.GetValue<bool>());
        (await teams.MarketerB.UploadCsvAsync(teams.CampaignB, "phone\n+13175550405\n")).EnsureSuccessStatusCode();
        var problems = (await teams.MarketerB.GetFromJsonAsync<JsonObject>(
            $"/api/campaigns/{teams.CampaignB}/prelaunch"))!["problems"]!.AsArray()
            .Select(p => p!.GetValue<string>());
        Assert.Contains(problems,
            p => p.StartsWith($"Indiana DNC (US-IN) of {Today(93)} is older than US-IN's 92 days"));
    }
}

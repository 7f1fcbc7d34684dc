using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dialer.Api.Teams;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Tests.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Teams;

/// <summary>
/// A user of team B meets team A's campaigns, agents and recordings as if they did not exist, on every route that
/// names one (read from the endpoint metadata, so a new route is covered the day it is mapped), and changes nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TeamIsolationTests(ApiFactory api)
{
    [Fact]
    public async Task Every_route_naming_another_teams_object_answers_404_and_changes_nothing()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        _ = api.Server;
        var routes = (await RouteRow.ReadAsync(api.Services)).Where(r => r.TeamScopes.Any(s => s.Parameter is not null))
            .ToList();
        Campaign before;
        await using (var db = api.Database.CreateDb()) before = await db.Campaigns.AsNoTracking()
            .SingleAsync(c => c.Id == teams.CampaignA);

        var answers = new List<string>();
        foreach (var route in routes)
        {
            var client = route.Roles!.Contains(nameof(Role.Marketer)) ? teams.MarketerB : teams.ManagerB;
            var response = await client.SendAsync(RequestFor(route, teams));
            if (response.StatusCode != HttpStatusCode.NotFound) answers.Add(
                $"{route.Method} {route.Route}: {(int)response.StatusCode}");
        }

        Assert.True(routes.Count >= 35, $"only {routes.Count} team-scoped routes");
        Assert.Empty(answers);
        await using var after = api.Database.CreateDb();
        var campaign = await after.Campaigns.AsNoTracking().SingleAsync(c => c.Id == teams.CampaignA);
        Assert.Equal((before.Name, before.Status, before.Version), (campaign.Name, campaign.Status, campaign.Version));
        Assert.Equal(2, await after.Contacts.CountAsync(c => c.CampaignId == teams.CampaignA));
        Assert.Null((await after.Agents.AsNoTracking().SingleAsync(a => a.Id == teams.AgentA)).LogoutRequestedAt);
        Assert.True(
            await after.CampaignAgents.AnyAsync(a => a.CampaignId == teams.CampaignA && a.AgentId == teams.AgentA));
        Assert.True(await after.WebhookSubscriptions.AnyAsync(s => s.Id == teams.WebhookA));
        Assert.Null((await after.ContactLists.AsNoTracking().SingleAsync(l => l.Id == teams.ListA)).UploadStartedAt);
    }

    [Fact]
    public async Task The_same_routes_work_for_the_owning_teams_users_and_for_admins()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var id = teams.CampaignA;
        var admin = api.ClientAs(Role.Admin);

        Assert.Equal(HttpStatusCode.OK, (await teams.MarketerA.GetAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await teams.MarketerA.GetAsync($"/api/campaigns/{id}/contacts/export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teams.MarketerA.GetAsync($"/api/campaigns/{id}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await teams.MarketerA.GetAsync($"/reports/compliance?campaign={id}")).StatusCode);
        var renamed = ApiCalls.ValidCampaign("Renamed by its own team " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.OK,
            (await teams.MarketerA.PutAsJsonAsync($"/api/campaigns/{id}", renamed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teams.ManagerA.GetAsync($"/api/campaigns/{id}/recordings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await teams.ManagerA.GetAsync($"/api/agents/{teams.AgentA}/supervision")).StatusCode);
        // still being recorded: the route ran, past the team check, to the recording's own state
        Assert.Equal(HttpStatusCode.Conflict,
            (await teams.ManagerA.GetAsync($"/api/recordings/{teams.RecordingA}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await teams.MarketerB.GetAsync($"/api/campaigns/{teams.CampaignB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/campaigns/{teams.CampaignB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/campaigns/{id}")).StatusCode);
    }

    [Fact]
    public async Task Lists_floors_and_timesheets_show_only_the_callers_team()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        (await api.ClientWith(teams.AgentAKey)
            .PostAsJsonAsync("/api/agent-console/login", new { campaignIds = new[] { teams.CampaignA } }))
            .EnsureSuccessStatusCode();
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd");

        Assert.DoesNotContain(teams.CampaignA.ToString(), await Text(teams.MarketerB, "/api/campaigns?pageSize=500"));
        Assert.Contains(teams.CampaignB.ToString(), await Text(teams.MarketerB, "/api/campaigns?pageSize=500"));
        Assert.Contains(teams.CampaignA.ToString(), await Text(teams.MarketerA, "/api/campaigns?pageSize=500"));
        Assert.DoesNotContain(teams.CampaignA.ToString(), await Text(teams.ManagerB, "/api/dashboard/campaigns"));
        Assert.Contains(teams.CampaignA.ToString(), await Text(teams.ManagerA, "/api/dashboard/campaigns"));
        Assert.DoesNotContain(teams.AgentA.ToString(), await Text(teams.ManagerB, "/api/agents/wall"));
        Assert.Contains(teams.AgentB.ToString(), await Text(teams.ManagerB, "/api/agents/wall"));
        Assert.Contains(teams.AgentA.ToString(), await Text(teams.ManagerA, "/api/agents/wall"));
        Assert.DoesNotContain(teams.AgentA.ToString(),
            await Text(teams.ManagerB, $"/api/reports/timesheets?from={today}&to={today}"));
        Assert.Contains(teams.AgentA.ToString(),
            await Text(teams.ManagerA, $"/api/reports/timesheets?from={today}&to={today}"));
    }

    [Fact]
    public async Task Do_not_call_entries_bound_to_another_teams_campaign_are_neither_shown_nor_added_to()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var phone = $"+1415555{Random.Shared.Next(1000, 9999)}";
        (await teams.MarketerA.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { phone }, campaignId = teams.CampaignA }))
            .EnsureSuccessStatusCode();

        var addedByB = await teams.MarketerB.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { "+14155550488" }, campaignId = teams.CampaignA });
        var seenByB = await (await teams.MarketerB.PostAsJsonAsync("/api/do-not-call/lookup",
            new { phone })).Content.ReadAsStringAsync();
        var seenByA = await (await teams.MarketerA.PostAsJsonAsync("/api/do-not-call/lookup",
            new { phone })).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, addedByB.StatusCode);
        Assert.DoesNotContain(teams.CampaignA.ToString(), seenByB);
        Assert.Contains(teams.CampaignA.ToString(), seenByA);
        Assert.DoesNotContain(teams.CampaignA.ToString(), await Text(teams.MarketerB, "/api/do-not-call?pageSize=500"));
    }

    [Fact]
    public async Task Importing_a_document_never_overwrites_another_teams_campaign_of_that_name_or_id()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        // with A's id and name
        var document = await Text(teams.MarketerA, $"/api/campaigns/{teams.CampaignA}/document");
        // a new caller id: an import that found A would change it
        var changed = document.Replace("+14155550100", "+14155550199");
        uint version;
        await using (var db = api.Database.CreateDb())
            version = (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == teams.CampaignA)).Version;

        var imported = await teams.MarketerB.PostAsync("/api/campaigns/import",
            new StringContent(changed, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var created = (await imported.ReadJsonAsync())["campaignId"]!.GetValue<Guid>();
        Assert.NotEqual(teams.CampaignA, created);
        await using var after = api.Database.CreateDb();
        Assert.Equal(version, (await after.Campaigns.AsNoTracking().SingleAsync(c => c.Id == teams.CampaignA)).Version);
        Assert.Equal(teams.TeamB, (await after.Campaigns.AsNoTracking().SingleAsync(c => c.Id == created)).TeamId);
    }

    [Fact]
    public async Task A_marketer_cannot_create_a_campaign_for_another_team_but_an_admin_can()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var body = ApiCalls.ValidCampaign("For team B");

        var byMarketer = await teams.MarketerA.PostAsJsonAsync($"/api/campaigns?teamId={teams.TeamB}", body);
        var byAdmin = await api.ClientAs(Role.Admin).PostAsJsonAsync($"/api/campaigns?teamId={teams.TeamB}", body);

        Assert.Equal(HttpStatusCode.BadRequest, byMarketer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var id = (await byAdmin.ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await teams.MarketerB.GetAsync($"/api/campaigns/{id}")).StatusCode);
    }

    static async Task<string> Text(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The route with team A's objects in its parameters (any other value: a random id) and an empty JSON
    /// body.</summary>
    static HttpRequestMessage RequestFor(RouteRow route, TwoTeams teams)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route.Route, @"\{(\w+)(:[^}]*)?\}",
            m => m.Groups[1].Value switch
        {
            "agentId" => teams.AgentA.ToString(),
            "listId" => teams.ListA.ToString(),
            "id" when route.TeamScopes.Any(s => s is { Parameter: "id", Object: TeamObject.List }) =>
                teams.ListA.ToString(),
            "id" when route.TeamScopes.Any(s => s is { Parameter: "id", Object: TeamObject.Agent }) =>
                teams.AgentA.ToString(),
            "id" when route.TeamScopes.Any(s => s is { Parameter: "id", Object: TeamObject.Recording }) =>
                teams.RecordingA.ToString(),
            "id" when route.TeamScopes.Any(s => s is { Parameter: "id", Object: TeamObject.Webhook })
                => teams.WebhookA.ToString(),
            "id" when route.TeamScopes.Any(s => s is { Parameter: "id", Object: TeamObject.Campaign }) =>
                teams.CampaignA.ToString(),
            _ => Guid.NewGuid().ToString(),
        });
        // a checked parameter that is not in the route is a query parameter (a campaign's, so far)
        var query = route.TeamScopes.Where(s => s.Parameter is { } p && !route.Route.Contains("{" + p))
            .Select(s => $"{s.Parameter}={teams.CampaignA}").ToList();
        if (query.Count > 0) path += "?" + string.Join("&", query);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        // a body of a type the route accepts: routing refuses any other (415) before a route's checks run
        var type = route.Accepts.FirstOrDefault() ?? "application/json";
        if (route.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent(type == "text/csv" ? "phone\n+14155550409\n" : "{}", Encoding.UTF8,
                type);
        return request;
    }
}

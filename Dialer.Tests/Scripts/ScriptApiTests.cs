using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Api.Reporting;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Scripts;

[Collection(ApiCollection.Name)]
public sealed class ScriptApiTests(ApiFactory api)
{
    [Fact]
    public async Task The_agent_gets_the_script_merged_with_the_contact_s_columns_and_their_own_name_and_the_screen_pop()
    {
        var campaign = await api.ClientAs(Role.Marketer).CreateCampaignAsync(ScriptsWorld.CampaignWithScript());
        var (key, agentId) = await api.NewAgentAsync("Grace");
        await ScriptsWorld.CallInWrapUpAsync(api.Database, campaign, agentId, "+14155550131");

        var me = await api.ClientWith(key).GetFromJsonAsync<JsonObject>("/api/agent-console/me");

        var script = me!["call"]!["script"]!;
        var sections = script["sections"]!.AsArray();
        Assert.Equal(["", "Offer", "Close"], sections.Select(s => (string)s!["title"]!));
        Assert.Equal("Hello Ada, this is Grace from Scripted offer.", (string)sections[0]!["text"]!);
        Assert.Equal("Your plan is gold <b>&.", (string)sections[1]!["text"]!); // text, unknown field empty
        Assert.Equal("Thank you, Ada Lovelace.", (string)sections[2]!["text"]!);
        Assert.Equal(["interest", "wants_email", "budget", "remark"],
            script["fields"]!.AsArray().Select(f => (string)f!["key"]!));
        Assert.Equal("https://crm.example.com/find?phone=%2B14155550131&plan=gold%20%3Cb%3E%26",
            (string)script["screenPop"]!["url"]!);
        Assert.False((bool)script["screenPop"]!["embed"]!);
    }

    [Fact]
    public async Task Fields_are_saved_with_the_disposition_and_exported_as_columns_of_the_results()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync(ScriptsWorld.CampaignWithScript());
        var (key, agentId) = await api.NewAgentAsync("Grace");
        var (attemptId, contactId) =
            await ScriptsWorld.CallInWrapUpAsync(api.Database, campaign, agentId, "+14155550132");

        var saved = await api.ClientWith(key).PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
            new
            {
                disposition = "sale",
                fields = new Dictionary<string, object>
                {
                    ["interest"] = "HIGH", ["wants_email"] = true,
                    ["budget"] = 1200.5, ["remark"] = "=call back, maybe"
                },
            });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using (var db = api.Database.CreateDb())
        {
            var answers = JsonNode.Parse((await db.CallAttempts.SingleAsync(a => a.Id == attemptId)).ScriptAnswers!)!;
            Assert.Equal(("high", true, 1200.5, "=call back, maybe"), ((string)answers["interest"]!,
                (bool)answers["wants_email"]!, (double)answers["budget"]!, (string)answers["remark"]!));
        }
        var csv = (await api.ClientAs(Role.Manager).GetStringAsync($"/api/campaigns/{campaign}/results.csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CampaignResultsApi.CsvHeader + ",field_interest,field_wants_email,field_budget,field_remark",
            csv[0]);
        var row = csv.Single(l => l.StartsWith($"{contactId},"));
        Assert.Contains(",sale,Grace ", row);
        Assert.EndsWith(",high,yes,1200.5,\"'=call back, maybe\"", row);
    }

    [Fact]
    public async Task A_missing_required_field_is_400_naming_it_a_bad_answer_names_its_field_and_do_not_call_needs_none()
    {
        var campaign = await api.ClientAs(Role.Marketer).CreateCampaignAsync(ScriptsWorld.CampaignWithScript());
        var (key, agentId) = await api.NewAgentAsync("Grace");
        var (attemptId, _) = await ScriptsWorld.CallInWrapUpAsync(api.Database, campaign, agentId, "+14155550133");
        var agent = api.ClientWith(key);
        var path = $"/api/agent-console/calls/{attemptId}/disposition";

        var missing = await agent.PostAsJsonAsync(path, new { disposition = "no-sale" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["fields.interest"], errors.Select(e => e.Key));
        Assert.Contains("Interest", (string)errors["fields.interest"]![0]!);

        var bad = await (await agent.PostAsJsonAsync(path, new
        {
            disposition = "no-sale",
            fields = new Dictionary<string, object>
            {
                ["interest"] = "maybe", ["budget"] = -1,
                ["remark"] = new string('r', 21), ["wants_email"] = "perhaps", ["shoe_size"] = 9
            },
        })).ReadJsonAsync();
        Assert.Equal(["fields.budget", "fields.interest", "fields.remark", "fields.shoe_size", "fields.wants_email"],
            bad["errors"]!.AsObject().Select(e => e.Key).Order());

        var optOut = await agent.PostAsJsonAsync(path, new { disposition = "do-not-call" });
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        await using var db = api.Database.CreateDb();
        Assert.Null((await db.CallAttempts.SingleAsync(a => a.Id == attemptId)).ScriptAnswers);
    }

    [Fact]
    public async Task Bad_script_definitions_are_400_naming_the_field()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var cases = new (Action<JsonObject> Break, string Field)[]
        {
            (c => c["screenPop"]!["urlTemplate"] = "http://crm.example.com/?p={{phone}}", "screenPop.urlTemplate"),
            (c => c["screenPop"]!["urlTemplate"] = "https://{{tenant}}.example.com/", "screenPop.urlTemplate"),
            (c => c["screenPop"] = new JsonObject { ["embed"] = true }, "screenPop.urlTemplate"),
            (c => c["scriptFields"]![1]!["key"] = "interest", "scriptFields[1].key"),
            (c => c["scriptFields"]![0]!["key"] = "Has Space", "scriptFields[0].key"),
            (c => c["scriptFields"]![0]!["choices"] = new JsonArray("only"), "scriptFields[0].choices"),
            (c => c["scriptFields"]![3]!["maxLength"] = 5000, "scriptFields[3].maxLength"),
            (c => c["scriptFields"]![2]!["min"] = 2e6, "scriptFields[2].max"),
            (c => c["scriptSections"]![0]!["title"] = " ", "scriptSections[0].title"),
            (c => c["scriptSections"]![1]!["text"] = new string('x', 19_990), "scriptSections"),
        };
        foreach (var (breakIt, field) in cases)
        {
            var body = ScriptsWorld.CampaignWithScript();
            breakIt(body);
            var response = await marketer.PostAsJsonAsync("/api/campaigns", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        }
    }

    [Fact]
    public async Task The_builder_s_preview_merges_the_first_contact_and_names_the_unknown_fields()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync(ScriptsWorld.CampaignWithScript());
        (await marketer.UploadCsvAsync(campaign, "phone,name,plan\n+14155550134,Alan Turing,silver\n"))
            .EnsureSuccessStatusCode();
        var body = new
        {
            script = "Hi {{first_name}} ({{plan}}), {{mystery}}",
            scriptSections = Array.Empty<object>(),
            screenPop = new { urlTemplate = "https://crm.example.com/{{plan}}?x={{also_unknown}}" },
        };

        var preview = await (await marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/script-preview", body))
            .EnsureSuccessStatusCode().ReadJsonAsync();

        Assert.Equal("first contact", (string)preview["sample"]!);
        var parts = preview["sections"]![0]!["parts"]!.AsArray();
        Assert.Equal(["Hi ", "Alan", " (", "silver", "), ", ""], parts.Select(p => (string)p!["text"]!));
        Assert.False((bool)parts[^1]!["known"]!);
        Assert.Equal(["mystery", "also_unknown"], preview["unknownFields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("https://crm.example.com/silver?x=", (string)preview["screenPopUrl"]!);
        var sample = await (await marketer.PostAsJsonAsync("/api/campaigns/script-preview", body))
            .EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal("sample contact", (string)sample["sample"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await marketer.PostAsJsonAsync("/api/campaigns/script-preview",
            new { script = new string('s', 20_001) })).StatusCode);
    }

    [Fact]
    public async Task Another_team_s_campaign_is_404_for_its_preview_and_its_export()
    {
        var campaign = await api.ClientAs(Role.Marketer).CreateCampaignAsync(ScriptsWorld.CampaignWithScript());
        var other = await ScriptsWorld.OtherTeamsMarketerAsync(api);

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/campaigns/{campaign}/script-preview",
            new { script = "Hi {{first_name}}" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/campaigns/{campaign}/results.csv"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientAs(Role.Marketer)
            .PostAsJsonAsync($"/api/campaigns/{campaign}/script-preview", new { script = "Hi" })).StatusCode);
    }
}

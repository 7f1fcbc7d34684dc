using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.Scripts.Browser;

/// <summary>The builder's script editor and the console's merged script and fields, in Debian's Chromium; screenshots
/// go to .artifacts/screenshots/scripts.</summary>
public sealed class ScriptPagesTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>, IClassFixture<Chromium>
{
    /// <summary>For what waits on the Api (a page's first load, a save): the machine's cores are shared.</summary>
    const float Slow = 30_000;

    [Fact]
    public async Task A_marketer_writes_sections_and_fields_sees_the_unknown_field_marked_and_saves_them()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        var page = await chromium.SignedInPageAsync(api.Url + "/campaigns/edit", key);
        page.Context.SetDefaultTimeout(15_000);
        await page.Locator("#campaign-form:not([aria-busy])").WaitForAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Scripted spring");
        await page.GetByLabel("Caller ID").FillAsync("+14155550100");
        await page.GetByLabel("Agent script: opening").FillAsync("Hello {{first_name}}, I am {{agent.name}}.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add section" }).ClickAsync();
        var section = page.Locator("#scriptSections-rows li").Nth(0);
        await section.GetByLabel("Section title").FillAsync("Offer");
        await section.GetByLabel("Section text").FillAsync("Your plan: {{plan_typo}}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add field" }).ClickAsync();
        var field = page.Locator("#scriptFields-rows li").Nth(0);
        await field.GetByLabel("Key").FillAsync("Bad Key");
        await field.GetByLabel("Label").FillAsync("Interest");
        await field.GetByLabel("Kind").SelectOptionAsync("choice");
        await field.GetByLabel("Options (one per line)").FillAsync("high\nlow");
        await field.GetByLabel("Required").CheckAsync();
        await page.GetByLabel("CRM screen pop URL").FillAsync("https://crm.example.com/find?name={{name}}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview script" }).ClickAsync();
        await Assertions.Expect(page.Locator("#script-preview mark.unknown-field"))
            .ToHaveTextAsync("{{plan_typo}}", new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("#script-preview")).ToContainTextAsync("Hello Ada, I am Mia Marketer.");
        await Assertions.Expect(page.Locator("#preview-screen-pop"))
            .ToHaveTextAsync("https://crm.example.com/find?name=Ada%20Lovelace");
        await Screenshots.SaveAsync(page, "scripts", "01-builder-preview-marks-an-unknown-field");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='scriptFields[0].key'] .field-error"))
            .ToContainTextAsync("Lower-case");
        await field.GetByLabel("Key").FillAsync("interest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("draft", new() { Timeout = Slow });

        var id = new Uri(page.Url).Query.Split("id=")[1];
        using var client = api.ClientWith(key);
        var settings = (await client.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}"))!["settings"]!;
        Assert.Equal("Offer", (string)settings["scriptSections"]![0]!["title"]!);
        var saved = settings["scriptFields"]![0]!;
        Assert.Equal(("interest", "choice", true, "high,low"), ((string)saved["key"]!, (string)saved["kind"]!,
            (bool)saved["required"]!, string.Join(',', saved["choices"]!.AsArray().Select(c => (string)c!))));
        Assert.Equal("https://crm.example.com/find?name={{name}}", (string)settings["screenPop"]!["urlTemplate"]!);
        // the saved campaign fills the editor again
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#scriptFields-rows li").Nth(0).GetByLabel("Key"))
            .ToHaveValueAsync("interest");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_agent_reads_the_merged_script_jumps_to_a_section_and_saves_the_fields_with_the_disposition()
    {
        var (_, adminKey) = await api.AddUserAsync(Role.Admin, "Ada Admin");
        using var admin = api.ClientWith(adminKey);
        var campaign = await admin.CreateCampaignAsync(ScriptsWorld.CampaignWithScript());
        var agentUser = await (await admin.PostAsJsonAsync("/api/users", new { name = "Grace Hopper", role = "agent" }))
            .EnsureSuccessStatusCode().ReadJsonAsync();
        var agentId = agentUser["agentId"]!.GetValue<Guid>();
        var (attemptId, _) = await ScriptsWorld.CallInWrapUpAsync(api.Database, campaign, agentId, "+14155550141");

        var page = await chromium.SignedInPageAsync(api.Url + "/agent", agentUser["apiKey"]!.GetValue<string>());
        page.Context.SetDefaultTimeout(15_000);

        var script = page.Locator("details.script");
        await Assertions.Expect(script)
            .ToContainTextAsync("Hello Ada, this is Grace from Scripted offer.", new() { Timeout = Slow });
        // a list's value is shown as text: its markup never becomes an element
        await Assertions.Expect(script).ToContainTextAsync("Your plan is gold <b>&.");
        await Assertions.Expect(script.Locator("b")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#screen-pop-link"))
            .ToHaveAttributeAsync("href", "https://crm.example.com/find?phone=%2B14155550141&plan=gold%20%3Cb%3E%26");
        await script.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(page.Locator("#script-section-3")).ToBeFocusedAsync();

        await page.GetByLabel("no sale").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save disposition" }).ClickAsync();
        await Assertions.Expect(page.Locator("#disposition-error"))
            .ToContainTextAsync("Required: Interest.", new() { Timeout = Slow });
        await Screenshots.SaveAsync(page, "scripts", "02-console-required-field");

        await page.GetByLabel("Interest").SelectOptionAsync("low");
        await page.Locator("#script-fields").GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("Budget").FillAsync("250");
        await page.GetByLabel("Remark").FillAsync("call in spring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save disposition" }).ClickAsync();
        await Assertions.Expect(page.Locator("#messages"))
            .ToContainTextAsync("Saved: no-sale", new() { Timeout = Slow });

        await using var db = api.Database.CreateDb();
        var answers = JsonNode.Parse((await db.CallAttempts.SingleAsync(a => a.Id == attemptId)).ScriptAnswers!)!;
        Assert.Equal(("low", true, 250.0, "call in spring"), ((string)answers["interest"]!,
            (bool)answers["wants_email"]!, (double)answers["budget"]!, (string)answers["remark"]!));
        await page.Context.CloseAsync();
    }
}

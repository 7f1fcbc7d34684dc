using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;
using static Dialer.Tests.Marketers.MarketersKit;

namespace Dialer.Tests.Marketers.Browser;

/// <summary>The marketers' pages in Debian's Chromium, signed in as Mia Marketer; screenshots go to
/// .artifacts/screenshots/marketers.</summary>
public sealed class CampaignBuilderPageTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
IClassFixture<Chromium>
{
    /// <summary>A fresh tab at 1366×768, signed in as a new marketer, and her key.</summary>
    async Task<(IPage Page, string Key)> SignedInAsync(string path, Role role = Role.Marketer)
    {
        var (_, key) = await api.AddUserAsync(role, role == Role.Marketer ? "Mia Marketer" : "Ada Admin");
        var page = await chromium.NewPageAsync();
        page.Context.SetDefaultTimeout(15_000);
        await page.SignInAsync(api.Url + path, key);
        return (page, key);
    }

    static ILocator Stat(IPage page, string scope, string label) =>
        page.Locator($"{scope} .stat")
            .Filter(new() { Has = page.Locator(".label", new() { HasTextRegex = new($"^{label}$") }) })
            .Locator(".value");

    async Task AddToDoNotCallAsync(string key, string phone)
    {
        using var client = api.ClientWith(key);
        (await client.PostAsJsonAsync("/api/do-not-call", new { numbers = new[] { phone }, reason = "test" }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_campaign_the_dialer_paused_says_why_in_the_builder()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        using var client = api.ClientWith(key);
        var id = await client.CreateCampaignAsync(ApiCalls.ValidCampaign("Paused by Twilio"));
        (await client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
        await AccountErrorPause.PauseAsync(api.Services, id);

        var (page, _) = await SignedInAsync($"/campaigns/edit?id={id}");

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("paused");
        await Assertions.Expect(page.Locator("#pause-reason")).ToHaveTextAsync(AccountErrorPause.Reason);
        await Screenshots.SaveAsync(page, "marketers", "paused-by-an-account-error");
    }

    [Fact]
    public async Task A_marketer_uploads_a_recorded_safe_harbour_message_hears_it_and_deletes_it()
    {
        var (page, key) = await SignedInAsync("/campaigns/edit");
        using var client = api.ClientWith(key);
        var id = await client.CreateCampaignAsync(ApiCalls.ValidCampaign("Recorded offer"));
        await page.GotoAsync($"{api.Url}/campaigns/edit?id={id}");
        var row = page.Locator("[data-audio='safe-harbour']");
        await Assertions.Expect(row.Locator("[role=status]")).ToHaveTextAsync("No recording: the words are spoken.");

        await page.GetByLabel("Recording: message when no agent is free").SetInputFilesAsync(new FilePayload
        {
            Name = "sorry.mp3", MimeType = "audio/mpeg", Buffer = TestAudio.Mp3(3072),
        });

        await Assertions.Expect(row.Locator("[role=status]")).ToContainTextAsync("audio/mpeg, 3 KB");
        await Assertions.Expect(row.Locator("audio")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("audio"))
            .ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        var listed = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/campaigns/{id}/audio");
        Assert.Equal("safe-harbour", Assert.Single(listed!)!["message"]!.GetValue<string>());
        await Screenshots.SaveAsync(page, "marketers", "recorded-safe-harbour-message");

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete the recording" }).ClickAsync();
        await Assertions.Expect(row.Locator("[role=status]")).ToHaveTextAsync("No recording: the words are spoken.");
        await Assertions.Expect(row.Locator("audio")).ToBeHiddenAsync();
        Assert.Empty((await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/campaigns/{id}/audio"))!);
    }

    [Fact]
    public async Task A_marketer_builds_a_campaign_fixes_an_error_uploads_contacts_checks_and_launches_it()
    {
        var (page, key) = await SignedInAsync("/campaigns/edit");
        await page.Locator("#campaign-form:not([aria-busy])").WaitForAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Spring offer");
        await page.GetByLabel("Caller ID").FillAsync("4155550100");
        await page.GetByLabel("Sunday").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        var callerIdError = page.Locator("[data-field='callerId'] .field-error");
        await Assertions.Expect(callerIdError).ToContainTextAsync("E.164");
        await Assertions.Expect(page.GetByLabel("Caller ID")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "marketers", "01-validation-error-beside-the-field");

        await page.GetByLabel("Caller ID").FillAsync("+14155550100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Spring offer");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("draft");
        await Assertions.Expect(callerIdError).ToHaveCountAsync(0);
        Assert.Contains("?id=", page.Url);

        await AddToDoNotCallAsync(key, "+80012340203");
        // international freephone numbers have no zone of their own, so the stated zones alone decide the hours
        string open = ZoneWhereHourIs(12), beforeOpening = ZoneWhereHourIs(3);
        var csv = "phone,name,timezone\n"
            + $"+80012340201,Ann,{open}\n+80012340202,Bob,{open}\n+80012340203,Cy,{open}\n"
            + $"+80012340204,Dee,{beforeOpening}\nnot-a-number,Eve,{open}\n+80012340206,Fay,Mars/Olympus\n=cmd|' /C "
                + $"calc'!A0,Mal,{open}\n";
        await page.Locator("#contacts-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "spring.csv", MimeType = "text/csv",
                    Buffer = System.Text.Encoding.UTF8.GetBytes(csv)
                });
        await Assertions.Expect(Stat(page, "#import-report", "Imported")).ToHaveTextAsync("4");
        await Assertions.Expect(Stat(page, "#import-report", "Rejected")).ToHaveTextAsync("3");
        await Assertions.Expect(Stat(page, "#import-report", @"Suppressed \(do-not-call\)")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#rejected-rows tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#rejected-rows")).ToContainTextAsync("unknown time zone 'Mars/Olympus'");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download rejected rows (CSV)" }).ClickAsync());
        var rejected = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("line,reason,row", rejected);
        Assert.Contains("6,", rejected);
        Assert.Contains("\"'=cmd|' /C calc'!A0,Mal,", rejected); // the formula is neutralised

        await Assertions.Expect(Stat(page, "#prelaunch-figures", "Callable now")).ToHaveTextAsync("2");
        await Assertions.Expect(Stat(page, "#prelaunch-figures", "Later today")).ToHaveTextAsync("1");
        await Assertions.Expect(Stat(page, "#prelaunch-figures", "Never")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#prelaunch-problems"))
            .ToContainTextAsync("1 of 4 contacts will never be called");
        await Screenshots.SaveAsync(page, "marketers", "02-import-report-and-prelaunch-check");

        await page.GetByLabel("Agents", new() { Exact = true }).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run forecast" }).ClickAsync();
        await Assertions.Expect(page.Locator("#forecast-table tbody tr"))
            .ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#forecast-table tr.highlight")).ToContainTextAsync("Progressive");
        await Screenshots.SaveAsync(page, "marketers", "03-forecast");

        await page.Locator("#lifecycle [data-action='start']").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("will never be called");
        await Screenshots.SaveAsync(page, "marketers", "04-launch-asks-to-confirm-the-problems");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Launch anyway" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("running");
        await Assertions.Expect(page.GetByLabel("Caller ID")).ToBeDisabledAsync();

        await page.Locator("#lifecycle [data-action='pause']").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("paused");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("paused by Mia Marketer");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("started by Mia Marketer");
        await Screenshots.SaveAsync(page, "marketers", "05-paused-with-history");

        await page.GotoAsync(api.Url + "/campaigns");
        var row = page.Locator("tr", new() { HasText = "Spring offer" });
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("paused");
        await Assertions.Expect(row).ToContainTextAsync("1 done · 3 left");
        await Assertions.Expect(row.Locator("[data-action='resume']")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-action='delete']")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "marketers", "06-campaign-list");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_marketer_adds_searches_and_uploads_do_not_call_numbers_and_an_admin_removes_one()
    {
        var (page, _) = await SignedInAsync("/do-not-call");

        await page.GetByLabel("Numbers", new() { Exact = true }).FillAsync("+14155550301\n(415) 555-0302, junk");
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("asked on the phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the list" }).ClickAsync();
        await Assertions.Expect(page.Locator("#add-result")).ToContainTextAsync("Added 2");
        await Assertions.Expect(page.Locator("#add-result")).ToContainTextAsync("“junk”");

        await page.GetByLabel("Number or reason").FillAsync("555-0302");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#dnc-rows tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#dnc-rows")).ToContainTextAsync("+14155550302");
        // the list is a legal record: a marketer adds to it, only an admin takes a number off
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove +14155550302" }))
            .ToHaveCountAsync(0);

        var (admin, _) = await SignedInAsync("/do-not-call", Role.Admin);
        await admin.GetByLabel("Number or reason").FillAsync("555-0302");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove +14155550302" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Say why");
        await dialog.GetByLabel("Why is it removed?").FillAsync("added by mistake");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#search-count")).ToHaveTextAsync("No entries found.");
        await admin.Context.CloseAsync();

        await page.Locator("#dnc-file").SetInputFilesAsync(new FilePayload
        {
            Name = "registry.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("phone\n+14155550311\n+14155550312\n+14155550301\nnope\n"),
        });
        await Assertions.Expect(Stat(page, "#upload-result", "Added")).ToHaveTextAsync("2");
        await Assertions.Expect(Stat(page, "#upload-result", "Already listed")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#upload-result")).ToContainTextAsync("Line 5");
        await page.GetByLabel("Number or reason").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#dnc-rows tr")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "marketers", "07-do-not-call");
        await page.Context.CloseAsync();
    }
}

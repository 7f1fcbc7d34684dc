using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.Marketers.Browser;

/// <summary>The builder's contacts page in Debian's Chromium: search, edit, delete, and a 409 said plainly.</summary>
public sealed class ContactsPageTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
IClassFixture<Chromium>
{
    async Task<(IPage Page, Guid Campaign)> CampaignPageAsync()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        using var client = api.ClientWith(key);
        var campaign = await client.CreateCampaignAsync(ApiCalls.ValidCampaign("Spring offer"));
        (await client.UploadCsvAsync(campaign, "phone,name,segment\n+14155561001,Maria Lopez,gold\n"
            + "+14155561002,John Smith,silver\n+14155561003,Ann Lee,gold\n")).EnsureSuccessStatusCode();
        var page = await chromium.NewPageAsync();
        page.Context.SetDefaultTimeout(15_000);
        await page.SignInAsync(api.Url + $"/campaigns/contacts?id={campaign}", key);
        await Assertions.Expect(page.Locator("#contact-rows tr")).ToHaveCountAsync(3);
        return (page, campaign);
    }

    [Fact]
    public async Task A_marketer_searches_edits_a_name_sees_a_bad_number_refused_and_deletes_a_contact()
    {
        var (page, campaign) = await CampaignPageAsync();
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Contacts of Spring offer");

        await page.GetByLabel("Name or number").FillAsync("maria");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-rows tr")).ToHaveCountAsync(1);
        await page.GetByLabel("Name or number").FillAsync("");
        await page.GetByLabel("Column").FillAsync("segment");
        await page.GetByLabel("Value").FillAsync("gold");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-rows tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#search-count")).ToHaveTextAsync("2 contacts.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit +14155561001" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Phone number").FillAsync("12");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-field='phone'] .field-error")).Not.ToBeEmptyAsync();
        await dialog.GetByLabel("Phone number").FillAsync("+14155561001");
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("María López");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#messages")).ToContainTextAsync("Contact saved.");
        await Assertions.Expect(page.Locator("#contact-rows")).ToContainTextAsync("María López");
        await Screenshots.SaveAsync(page, "marketers", "08-contacts");

        page.Dialog += (_, confirm) => confirm.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete +14155561003" }).ClickAsync();
        await Assertions.Expect(page.Locator("#messages")).ToContainTextAsync("+14155561003 deleted.");
        await Assertions.Expect(page.Locator("#contact-rows tr")).ToHaveCountAsync(1);

        await using var db = api.Database.CreateDb();
        var names = await db.Contacts.Where(c => c.CampaignId == campaign).OrderBy(c => c.Phone)
            .Select(c => c.Name).ToListAsync();
        Assert.Equal(["María López", "John Smith"], names);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_contact_being_dialed_is_refused_with_the_reason_shown_and_left_as_it_was()
    {
        var (page, campaign) = await CampaignPageAsync();
        await using (var db = api.Database.CreateDb())
            await db.Contacts.Where(c => c.CampaignId == campaign && c.Phone == "+14155561002")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Dialing));

        page.Dialog += (_, confirm) => confirm.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete +14155561002" }).ClickAsync();
        var alert = page.Locator("#messages [role=alert]");
        await Assertions.Expect(alert).ToContainTextAsync("Not changed: The contact is being dialed right now");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit +14155561002" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Jon Smith");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("#edit-problem [role=alert]")).ToContainTextAsync("being dialed");
        await Screenshots.SaveAsync(page, "marketers", "09-contact-being-dialed");

        await using var check = api.Database.CreateDb();
        Assert.Equal("John Smith", await check.Contacts.Where(c => c.CampaignId == campaign
            && c.Phone == "+14155561002").Select(c => c.Name).SingleAsync());
        await page.Context.CloseAsync();
    }
}

using Dialer.Core.Auth;
using Dialer.Core.Data;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dialer.Tests.CallerIds.Browser;

/// <summary>The builder's caller-ID pool fields in Debian's Chromium.</summary>
public sealed class CallerIdBuilderPageTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
    IClassFixture<Chromium>
{
    [Fact]
    public async Task A_marketer_gives_a_campaign_a_pool_a_cap_and_a_callback_message_fixing_a_bad_number_first()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        var page = await chromium.NewPageAsync();
        page.Context.SetDefaultTimeout(15_000);
        await page.SignInAsync(api.Url + "/campaigns/edit", key);
        await page.Locator("#campaign-form:not([aria-busy])").WaitForAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Local presence");
        await page.GetByLabel("Caller ID", new() { Exact = true }).FillAsync("+14155550100");
        await page.GetByLabel("Local presence numbers").FillAsync("+12125550100\n312-555-0100");
        await page.GetByLabel("Calls per number per day").FillAsync("150");
        await page.GetByLabel("Callback line message").FillAsync(
            "You had a call from Acme Energy about your meter. To not be called again, press {optOutDigit}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        var error = page.Locator("[data-field='callerIds.numbers'] .field-error");
        await Assertions.Expect(error).ToContainTextAsync("E.164");
        await Screenshots.SaveAsync(page, "marketers", "caller-id-pool-error");

        await page.GetByLabel("Local presence numbers").FillAsync("+12125550100\n+13125550100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Local presence");
        await Assertions.Expect(error).ToHaveCountAsync(0);

        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(api.Database.ConnectionString);
        await using var db = new DialerDb(options.Options);
        var saved = (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Name == "Local presence")).Settings;
        Assert.Equal(["+12125550100", "+13125550100"], saved.CallerIds.Numbers);
        Assert.Equal(150, saved.CallerIds.DailyCap);
        Assert.StartsWith("You had a call from Acme Energy", saved.CallerIds.CallbackMessage);

        await page.ReloadAsync();
        await page.Locator("#campaign-form:not([aria-busy])").WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Local presence numbers")).ToHaveValueAsync(
            "+12125550100\n+13125550100");
        await Assertions.Expect(page.GetByLabel("Calls per number per day")).ToHaveValueAsync("150");
        await Screenshots.SaveAsync(page, "marketers", "caller-id-pool");
    }
}

using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;
using static Dialer.Tests.Marketers.MarketersKit;

namespace Dialer.Tests.Marketers.Browser;

/// <summary>The builder's language, voice, opt-out key and requiresConsent controls in Debian's Chromium: the voice
/// list follows the language, and what is saved comes back on reload and through the API.</summary>
public sealed class SpeechAndConsentControlsPageTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
IClassFixture<Chromium>
{
    [Fact]
    public async Task A_marketer_sets_language_voice_opt_out_key_and_consent_saves_and_finds_them_on_reload()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Mia Marketer");
        using var client = api.ClientWith(key);
        var id = await client.CreateCampaignAsync(ApiCalls.ValidCampaign("Oferta de primavera"));
        var page = await chromium.NewPageAsync();
        page.Context.SetDefaultTimeout(15_000);
        await page.SignInAsync($"{api.Url}/campaigns/edit?id={id}", key);
        await page.Locator("#campaign-form:not([aria-busy])").WaitForAsync();

        var language = page.GetByLabel("Spoken language");
        var voice = page.GetByLabel("Voice", new() { Exact = true });
        await Assertions.Expect(language).ToHaveValueAsync("en-US");
        await Assertions.Expect(page.GetByLabel("Call only contacts holding consent")).Not.ToBeCheckedAsync();
        await voice.SelectOptionAsync("Polly.Matthew");

        await language.SelectOptionAsync("es-ES");
        await Assertions.Expect(voice).ToHaveValueAsync(""); // Matthew does not speak Spanish
        var offered = await voice.Locator("option:not([hidden])").EvaluateAllAsync<string[]>(
            "options => options.map(o => o.value)");
        Assert.Equal(["", "Polly.Lucia", "Polly.Conchita", "Polly.Enrique"], offered);
        await voice.SelectOptionAsync("Polly.Conchita");
        await page.GetByLabel("Opt-out key", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Said after the opt-out key").FillAsync("No le llamaremos más. Adiós.");
        await page.GetByLabel("Call only contacts holding consent").CheckAsync();
        await Screenshots.SaveAsync(page, "marketers", "05-language-voice-and-consent");
        var saved = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync(),
            r => r.Url.EndsWith($"/api/campaigns/{id}") && r.Request.Method == "PUT");
        Assert.Equal(200, saved.Status);

        var settings = (await client.GetJsonAsync($"/api/campaigns/{id}"))["settings"]!;
        Assert.Equal(("es-ES", "Polly.Conchita", "5", true), (settings["language"]!.GetValue<string>(),
            settings["voice"]!.GetValue<string>(), settings["optOutDigit"]!.GetValue<string>(),
            settings["requiresConsent"]!.GetValue<bool>()));

        await page.ReloadAsync();
        await page.Locator("#campaign-form:not([aria-busy])").WaitForAsync();
        await Assertions.Expect(language).ToHaveValueAsync("es-ES");
        await Assertions.Expect(voice).ToHaveValueAsync("Polly.Conchita");
        await Assertions.Expect(page.GetByLabel("Opt-out key", new() { Exact = true })).ToHaveValueAsync("5");
        await Assertions.Expect(page.GetByLabel("Call only contacts holding consent")).ToBeCheckedAsync();

        await page.GetByLabel("Opt-out key", new() { Exact = true }).FillAsync("x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='optOutDigit'] .field-error")).ToBeVisibleAsync();
    }
}

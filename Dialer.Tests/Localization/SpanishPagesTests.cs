using System.Net.Http.Json;
using System.Text.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;
using static Dialer.Tests.Localization.PageCatalogueFiles;

namespace Dialer.Tests.Localization;

/// <summary>The builder and the agent console in Spanish in Debian's Chromium: from the browser's language, and from
/// the switch; screenshots go to .artifacts/screenshots/localization.</summary>
public sealed class SpanishPagesTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
IClassFixture<Chromium>
{
    /// <summary>The English texts that Spanish words differently: none may be left on a page shown in
    /// Spanish.</summary>
    static readonly string[] EnglishOnly = EnglishOnlyTexts();

    static async Task SignInAsync(IPage page, string url, string key, string keyLabel, string signIn)
    {
        page.Context.SetDefaultTimeout(15_000);
        await page.GotoAsync(url);
        await page.GetByLabel(keyLabel).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = signIn, Exact = true }).ClickAsync();
        await page.Locator(".app-header").WaitForAsync();
    }

    [Fact]
    public async Task The_builder_speaks_Spanish_to_a_browser_that_asks_for_it_with_dates_the_Spanish_way()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Marta Marketing");
        using var client = api.ClientWith(key);
        var id = await client.CreateCampaignAsync(ApiCalls.ValidCampaign("Campaña de primavera"));
        (await client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/campaigns/{id}/pause", null)).EnsureSuccessStatusCode();
        var page = await chromium.NewPageAsync(locale: "es-ES");

        await SignInAsync(page, $"{api.Url}/campaigns/edit?id={id}", key, "Clave de API", "Entrar");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Campaña de primavera");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("en pausa");
        await Assertions.Expect(page.GetByLabel("Identificador de llamada")).ToHaveValueAsync("+14155550100");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link).First)
            .ToHaveTextAsync("Campañas");
        await Assertions.Expect(page.Locator("#prelaunch-title"))
            .ToHaveTextAsync("Comprobación previa al lanzamiento");
        // the history's dates: "6 dic 2026, 10:05", never "Dec 6, 2026, 10:05 AM"
        var history = page.Locator("#history li").First;
        await Assertions.Expect(history).ToContainTextAsync("pausada por Marta Marketing");
        await Assertions.Expect(history)
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
                @"\b\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4},? \d{1,2}:\d{2}"));
        await page.Locator("#prelaunch-figures .stat").First.WaitForAsync();
        Assert.Empty(await EnglishLeftAsync(page));
        await Screenshots.SaveAsync(page, "localization", "builder-es");

        await page.GotoAsync($"{api.Url}/campaigns");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Campañas");
        await Assertions.Expect(page.Locator($"tr[data-campaign='{id}'] .badge")).ToHaveTextAsync("en pausa");
        Assert.Empty(await EnglishLeftAsync(page));
        await Screenshots.SaveAsync(page, "localization", "campaigns-es");
    }

    [Fact]
    public async Task An_agent_switches_the_console_to_Spanish_and_it_stays_Spanish_until_switched_back()
    {
        var key = await AgentKeyAsync();
        var page = await chromium.NewPageAsync(locale: "en-US");
        await SignInAsync(page, $"{api.Url}/agent", key, "API key", "Sign in");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Offline");

        await page.Locator("#language").SelectOptionAsync("es");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Desconectado");
        await Assertions.Expect(page.Locator("#line-title")).ToHaveTextAsync("Tu línea");
        await Assertions.Expect(page.Locator("#login")).ToHaveTextAsync("Iniciar sesión");
        await Assertions.Expect(page.Locator("#idle-title")).ToHaveTextAsync("Has cerrado la sesión");
        await Assertions.Expect(page.Locator("#break-reason option").First).ToHaveTextAsync("Café");
        await Assertions.Expect(page.Locator("#break-reason")).ToHaveValueAsync("Coffee"); // the wall counts by it
        await Assertions.Expect(page.Locator("#language")).ToHaveValueAsync("es");
        Assert.Empty(await EnglishLeftAsync(page));
        await Screenshots.SaveAsync(page, "localization", "console-es");

        // remembered for a year: opened again, the console is Spanish though the browser prefers English
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Culture");
        Assert.True(DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires) > DateTimeOffset.UtcNow.AddDays(360));
        await page.GotoAsync($"{api.Url}/agent");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Desconectado");

        await page.Locator("#language").SelectOptionAsync("en");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Offline");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>The page's visible text nodes that are an English text of the catalogue which Spanish words
    /// otherwise.</summary>
    static Task<string[]> EnglishLeftAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            english => {
              const words = new Set(english);
              const found = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.textContent.trim();
                if (text && words.has(text) && node.parentElement?.checkVisibility()) found.push(text);
              }
              for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]'))
                for (const name of ['placeholder', 'title', 'aria-label'])
                  if (words.has(el.getAttribute(name))) found.push(`${name}: ${el.getAttribute(name)}`);
              return found;
            }
            """, EnglishOnly);

    static string[] EnglishOnlyTexts()
    {
        var (english, spanish) = (Catalogue("en"), Catalogue("es"));
        return english.Where(m => m.Value != spanish[m.Key] && !m.Value.Contains('{'))
            .Select(m => m.Value.Trim()).Where(v => v.Length > 2).Distinct().ToArray();
    }

    async Task<string> AgentKeyAsync()
    {
        var (_, admin) = await api.AddUserAsync(Role.Admin, "Ana Admin");
        using var client = api.ClientWith(admin);
        var created = await (await client.PostAsJsonAsync("/api/users",
            new { name = "Álvaro Agente " + Guid.NewGuid().ToString("N")[..6], role = "agent" })).ReadJsonAsync();
        return created["apiKey"]!.GetValue<string>();
    }
}

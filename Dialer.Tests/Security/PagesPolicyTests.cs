using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;

namespace Dialer.Tests.Security;

/// <summary>Every page of wwwroot in Chromium under the Api's Content-Security-Policy: none of them is refused
/// anything.</summary>
public sealed class PagesPolicyTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>, IClassFixture<Chromium>
{
    public static readonly TheoryData<string, Role> Pages = new()
    {
        { "/campaigns", Role.Marketer },
        { "/campaigns/edit", Role.Marketer },
        { "/do-not-call", Role.Marketer },
        { "/manager/", Role.Manager },
        { "/agent", Role.Agent },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_works_with_no_policy_violation(string path, Role role)
    {
        var page = await chromium.NewPageAsync();
        var violations = Watch(page);

        var response = await page.GotoAsync(api.Url + path);
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
        await page.GetByLabel("API key").FillAsync(await KeyAsync(role));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".app-header").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ReloadAsync(); // signed in from the start, as a returning user opens it
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
    }

    [Fact]
    public async Task An_inline_script_is_refused_and_reported()
    {
        var page = await chromium.NewPageAsync();
        var violations = Watch(page);
        await page.GotoAsync(api.Url + "/campaigns");

        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.ran = true';
                    document.head.append(s); }
            """);

        Assert.Null(await page.EvaluateAsync<bool?>("() => window.ran"));
        Assert.NotEmpty(violations);
    }

    /// <summary>What Chromium says on the console when the policy refuses something.</summary>
    static List<string> Watch(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy")) lock (violations) violations.Add(message.Text);
        };
        return violations;
    }

    async Task<string> KeyAsync(Role role)
    {
        if (role != Role.Agent) return (await api.AddUserAsync(role, $"policy {role}")).Key;
        var (_, admin) = await api.AddUserAsync(Role.Admin, "policy admin");
        using var client = api.ClientWith(admin);
        var created = await (await client.PostAsJsonAsync("/api/users",
            new { name = "policy agent " + Guid.NewGuid().ToString("N")[..6], role = "agent" })).ReadJsonAsync();
        return created["apiKey"]!.GetValue<string>();
    }
}

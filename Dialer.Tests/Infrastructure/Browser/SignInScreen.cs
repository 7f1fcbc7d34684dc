using Microsoft.Playwright;

namespace Dialer.Tests.Infrastructure.Browser;

/// <summary>The sign-in screen every page shares (wwwroot/ui/app.js): an API key, then the header for the key's
/// role.</summary>
public static class SignInScreen
{
    public static async Task SignInAsync(this IPage page, string url, string key)
    {
        await page.GotoAsync(url);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".app-header").WaitForAsync(); // drawn only once the key is known
    }
}

using Microsoft.Playwright;

namespace Dialer.Tests.Infrastructure.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (it cannot download its own browsers here): a class fixture, so one
/// Playwright and one browser per test class, and a fresh context (own session storage, own sign-in) for every page.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A new tab in a context of its own, at the given viewport; <paramref name="locale"/> (es-ES) sets the
    /// browser's languages and its Accept-Language.</summary>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 768, string? locale = null) =>
        _browser.NewPageAsync(
            new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                AcceptDownloads = true,
                Locale = locale,
            });

    /// <summary>A new tab at <paramref name="url"/>, signed in with <paramref name="key"/> on the shared sign-in
    /// screen.</summary>
    public async Task<IPage> SignedInPageAsync(string url, string key, int width = 1366, int height = 768)
    {
        var page = await NewPageAsync(width, height);
        await page.SignInAsync(url, key);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

using Dialer.Tests.Marketers.Browser;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Playwright;

namespace Dialer.Tests.Preview.Browser;

/// <summary>
/// The preview world with Debian's Chromium driven by Playwright, like the marketers' pages. The simulator's agents talk
/// a few seconds, so the page can be seen on the call. Screenshots go to .artifacts/screenshots/agents.
/// </summary>
public sealed class ConsoleSite : PreviewWorld, IAsyncLifetime
{
    public IBrowser Browser { get; private set; } = null!;
    IPlaywright _playwright = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(Path.GetDirectoryName(BuilderSite.ScreenshotFolder)!, "agents");

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = base.SimulatorSettings();
        options.Agents.TalkTime = new(5000, 6000);
        return options;
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh tab at the given size, signed in with the key on the shared sign-in screen.</summary>
    public async Task<IPage> SignedInPageAsync(string path, string key, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Api.BaseUrl + path);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".app-header").WaitForAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public new async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

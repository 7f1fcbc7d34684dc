using Dialer.Api;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Dialer.Tests.Marketers.Browser;

/// <summary>
/// The real Api on Kestrel (a browser needs a socket) over its own database, a marketer's key, and
/// Debian's Chromium driven by Playwright. Screenshots go to .artifacts/screenshots/marketers.
/// </summary>
public sealed class BuilderSite : WebApplicationFactory<ApiMarker>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public int Port { get; } = WorkerFactory.FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string MarketerKey { get; } = User.NewKey();
    public IBrowser Browser { get; private set; } = null!;
    IPlaywright _playwright = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), ".artifacts", "screenshots", "marketers");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Dialer", Database.ConnectionString);
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        builder.UseSetting("Auth:BootstrapAdminKey", "");
        UseKestrel(Port);
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateDb())
        {
            db.Users.Add(new User { Id = Guid.NewGuid(), Name = "Mia Marketer", Role = Role.Marketer, ApiKeyHash = User.HashKey(MarketerKey), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        StartServer();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser tab at 1366×768, signed in as the marketer.</summary>
    public async Task<IPage> SignedInPageAsync(string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, AcceptDownloads = true });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await page.GetByLabel("API key").FillAsync(MarketerKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".app-header").WaitForAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

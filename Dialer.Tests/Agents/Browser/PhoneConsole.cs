using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;

namespace Dialer.Tests.Agents.Browser;

/// <summary>
/// Debian's Chromium for the browser phone's tests: a fake microphone and camera (the sound check's getUserMedia is
/// answered without a prompt) and, in every console opened, the stand-in Device (stand-in-device.js) in place of
/// Twilio's.
/// </summary>
public sealed class PhoneChromium : IAsyncLifetime
{
    static readonly string StandInDevice = Path.Combine(RepositoryRoot(), "Dialer.Tests", "Agents", "Browser",
        "stand-in-device.js");
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
                "--disable-component-update", "--no-first-run",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--autoplay-policy=no-user-gesture-required"],
        });
    }

    /// <summary>A new agent on a break until their line opens (as the server leaves one who logs in without a line),
    /// and their key.</summary>
    public static async Task<(Guid Id, string Key)> AgentWithoutLineAsync(LiveApi api, string name)
    {
        var agent = new Agent
        {
            Id = Guid.NewGuid(), Name = name, ClientIdentity = "phone-" + Guid.NewGuid().ToString("N")[..10],
            State = AgentState.Break, StateSince = DateTimeOffset.UtcNow, BreakReason = "line: not connected"
        };
        await using (var db = api.Database.CreateDb())
        {
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
        }
        var (_, key) = await api.AddUserAsync(Role.Agent, name, agent.Id);
        return (agent.Id, key);
    }

    /// <summary>The agent console at 1366×768 with the stand-in Device installed before any script runs, signed in with
    /// the key.</summary>
    public async Task<IPage> ConsoleAsync(LiveApi api, string key, Func<IPage, Task>? beforeSignIn = null)
    {
        var page = await _browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        page.Context.SetDefaultTimeout(15_000);
        await page.Context.GrantPermissionsAsync(["microphone"]);
        await page.AddInitScriptAsync(scriptPath: StandInDevice);
        if (beforeSignIn is not null) await beforeSignIn(page);
        await page.SignInAsync(api.Url + "/agent", key);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dialer.sln not found above the test assembly");
    }
}

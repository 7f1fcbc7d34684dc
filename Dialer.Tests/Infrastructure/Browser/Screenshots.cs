using Microsoft.Playwright;

namespace Dialer.Tests.Infrastructure.Browser;

/// <summary>Screenshots go with the test results (ops/test's .artifacts/screenshots/&lt;area&gt;), for people to look
/// at.</summary>
public static class Screenshots
{
    static readonly string Root = Path.Combine(RepositoryRoot(), ".artifacts", "screenshots");

    /// <summary>Where the screenshot <paramref name="name"/> (without ".png") of an area (managers, marketers, agents)
    /// goes; the folder exists.</summary>
    public static string PathFor(string area, string name)
    {
        var folder = Path.Combine(Root, area);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public static Task SaveAsync(IPage page, string area, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = PathFor(area, name), FullPage = fullPage });

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

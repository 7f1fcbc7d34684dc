using System.Text.Json;

namespace Dialer.Tests.Localization;

/// <summary>The pages' files in the repository: the catalogue of each language, the pages and their scripts.</summary>
public static class PageCatalogueFiles
{
    public static readonly string WebRoot = Path.Combine(RepositoryRoot(), "Dialer.Api", "wwwroot");

    public static Dictionary<string, string> Catalogue(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(WebRoot, "ui", "i18n", language + ".json")))!;

    /// <summary>The pages' own files (the vendored libraries under lib/ excluded).</summary>
    public static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(WebRoot, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(WebRoot, f).StartsWith("lib" + Path.DirectorySeparatorChar));

    public static string Relative(string file) => Path.GetRelativePath(WebRoot, file);

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("no Dialer.sln above the test binaries");
    }
}

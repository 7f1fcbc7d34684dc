using System.Text.RegularExpressions;

namespace Dialer.Tests.Style;

/// <summary>
/// Every C# line of the Dialer projects fits in 120 columns (the house layout, .editorconfig). The one exception is a
/// test method's signature whose name alone makes it longer: test names read as specifications and are not split.
/// EF's generated migrations are left as EF writes them.
/// </summary>
public sealed partial class LineLengthTests
{
    const int MaxColumns = 120;

    [Fact]
    public void Every_line_of_the_projects_fits_in_120_columns()
    {
        var root = RepositoryRoot();
        var tooLong = Directory.EnumerateDirectories(root, "Dialer.*")
            .SelectMany(project => Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
            .Where(file => !Skipped(Path.GetRelativePath(root, file)))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, number: i + 1, line)))
            .Where(l => l.line.Length > MaxColumns && !TestSignature().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(root, l.file)}:{l.number} ({l.line.Length} columns)")
            .ToList();

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} lines longer than {MaxColumns} columns:\n{string.Join("\n", tooLong)}");
    }

    [Theory]
    [InlineData("Dialer.Api/obj/Release/net10.0/Dialer.Api.AssemblyInfo.cs", true)]
    [InlineData("Dialer.Tests/bin/Release/net10.0/Generated.cs", true)]
    [InlineData("Dialer.Core/Data/Migrations/20260101000000_Initial.cs", true)]
    [InlineData("Dialer.Core/Data/DialerDb.cs", false)]
    [InlineData("Dialer.Tests/Style/LineLengthTests.cs", false)]
    public void Build_output_and_generated_migrations_are_not_checked(string path, bool skipped) =>
        Assert.Equal(skipped, Skipped(path));

    [Theory]
    [InlineData("    public async Task A_long_test_name(int x)", true)]
    [InlineData("    public void A_long_test_name()", true)]
    [InlineData("    public void A_long_test_name() => Run(this);", false)]
    [InlineData("    public static string Helper(int x)", false)]
    [InlineData("        var x = Foo(a, b);", false)]
    public void Only_a_bare_test_method_signature_may_run_long(string line, bool allowed) =>
        Assert.Equal(allowed, TestSignature().IsMatch(line));

    static bool Skipped(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj")
            || string.Join('/', parts).Contains("/Data/Migrations/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*public (async Task|void) \w+\([^)]*\)\s*$")]
    private static partial Regex TestSignature();

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dialer.sln not found above the test binaries");
    }
}

using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Auth;

/// <summary>docs/routes.md is the Api's route table as its metadata says, so it cannot drift from the code.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutesDocTests(ApiFactory api)
{
    [Fact]
    public async Task The_committed_routes_table_is_the_one_the_endpoint_metadata_gives()
    {
        _ = api.Server;
        var generated = RouteRow.Markdown(await RouteRow.ReadAsync(api.Services));
        var path = Path.Combine(RepositoryRoot(), "docs", "routes.md");

        if (Environment.GetEnvironmentVariable("UPDATE_ROUTES_DOC") == "1") await File.WriteAllTextAsync(path,
            generated);

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated,
            "docs/routes.md differs from the routes' metadata: run this test with UPDATE_ROUTES_DOC=1 and commit the "
                + "file.");
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) return dir.FullName;
        throw new InvalidOperationException("Dialer.sln not found above " + AppContext.BaseDirectory);
    }
}

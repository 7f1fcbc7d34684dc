using Dialer.ServiceDefaults.Hosting;

namespace Dialer.Api.Pages;

/// <summary>
/// The campaign builder's pages: plain HTML and ES modules in wwwroot, no build step. The pages hold no
/// data; everything they show comes from the API with the key the person signs in with.
/// </summary>
public static class BuilderPages
{
    static readonly (string Route, string File)[] Pages =
    [
        ("/campaigns", "campaigns.html"),
        ("/campaigns/edit", "campaign-edit.html"),
        ("/do-not-call", "do-not-call.html"),
    ];

    public static void MapBuilderPages(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file) in Pages)
            app.MapGet(route, (IWebHostEnvironment env) =>
                    TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, file), "text/html; charset=utf-8"))
                .ExcludeFromDescription()
                .AllowAnonymousBecause(
                    "a page's shell: it holds no data, which comes from the API with the person's key");
    }
}

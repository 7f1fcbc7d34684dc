using System.Globalization;
using Dialer.Api.Localization;
using Dialer.ServiceDefaults.Hosting;

namespace Dialer.Api.Pages;

/// <summary>
/// The pages' shells: plain HTML and ES modules in wwwroot, no build step. The pages hold no data; everything they
/// show comes from the API with the key the person signs in with. Each shell goes out with its &lt;html lang&gt; in
/// the person's language; its words are put in by ui/i18n.js from the catalogue.
/// </summary>
public static class BuilderPages
{
    static readonly (string Route, string File)[] Pages =
    [
        ("/campaigns", "campaigns.html"),
        ("/campaigns/edit", "campaign-edit.html"),
        ("/campaigns/contacts", "contacts.html"),
        ("/do-not-call", "do-not-call.html"),
        ("/agent/index.html", "agent/index.html"),
        ("/manager/", "manager/index.html"),
        ("/manager/index.html", "manager/index.html"),
    ];

    const string EnglishRoot = "<html lang=\"en\">";

    public static void MapBuilderPages(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file) in Pages)
            app.MapGet(route, async (IWebHostEnvironment env, CancellationToken ct) =>
                {
                    var html = await File.ReadAllTextAsync(Path.Combine(env.WebRootPath, file), ct);
                    var culture = PageCatalogue.CultureOf(CultureInfo.CurrentUICulture);
                    return TypedResults.Content(html.Replace(EnglishRoot, $"<html lang=\"{culture}\">"),
                        "text/html; charset=utf-8");
                })
                .ExcludeFromDescription()
                .AllowAnonymousBecause(
                    "a page's shell: it holds no data, which comes from the API with the person's key");
    }
}

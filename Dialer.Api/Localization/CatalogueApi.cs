using System.Globalization;
using Dialer.ServiceDefaults.Hosting;

namespace Dialer.Api.Localization;

/// <summary>
/// GET /i18n/messages: the catalogue in the request's language (the culture cookie, else Accept-Language), which the
/// pages' i18n.js loads before anything is drawn. It holds the pages' own words, no data.
/// </summary>
public static class CatalogueApi
{
    public const string Path = "/i18n/messages";

    public static void MapCatalogueApi(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext http, PageCatalogue catalogue) =>
            {
                var culture = PageCatalogue.CultureOf(CultureInfo.CurrentUICulture);
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers.Vary = "Cookie, Accept-Language";
                return TypedResults.Ok(new CatalogueResponse(culture, catalogue.Messages(culture)));
            })
            .ExcludeFromDescription()
            .AllowAnonymousBecause("the pages' own words in the person's language: no data");
}

public sealed record CatalogueResponse(string Culture, IReadOnlyDictionary<string, string> Messages);

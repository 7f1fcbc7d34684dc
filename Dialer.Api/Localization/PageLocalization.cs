using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Dialer.Api.Localization;

/// <summary>
/// The pages' languages: English and Spanish, chosen by the person (the language switch writes ASP.NET Core's culture
/// cookie) or else by the browser's Accept-Language. Only what faces people is localized: the API (its problem
/// details, CSV exports, hubs) stays in English with the invariant culture, so clients and scripts read stable words.
/// </summary>
public static class PageLocalization
{
    public const string English = "en";
    public static readonly string[] Cultures = [English, "es"];

    public static void AddPageLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<PageCatalogue>();
        builder.Services.AddSingleton<IStringLocalizerFactory, CatalogueLocalizerFactory>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(English).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders =
                [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }

    /// <summary>The culture for pages, the catalogue and the printable reports; never for /api or /hubs.</summary>
    public static void UsePageLocalization(this IApplicationBuilder app) =>
        app.UseWhen(c => !FacesPrograms(c.Request.Path), b => b.UseRequestLocalization());

    static bool FacesPrograms(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
}

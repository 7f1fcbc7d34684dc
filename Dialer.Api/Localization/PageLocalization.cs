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
                [new CookieRequestCultureProvider(), new CustomRequestCultureProvider(FromBrowser)];
        });
    }

    /// <summary>
    /// The browser's most preferred language we have, by language alone (es-MX → es): the processes run with
    /// invariant globalization (Directory.Build.props), where a culture has no parent to fall back to, so ASP.NET
    /// Core's own Accept-Language provider would find no "es" in "es-MX".
    /// </summary>
    static Task<ProviderCultureResult?> FromBrowser(HttpContext context)
    {
        var language = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1) // stable: equal weights keep the browser's order
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && Cultures.Contains(l));
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }

    /// <summary>The culture for pages, the catalogue and the printable reports; never for /api or /hubs.</summary>
    public static void UsePageLocalization(this IApplicationBuilder app) =>
        app.UseWhen(c => !FacesPrograms(c.Request.Path), b => b.UseRequestLocalization());

    static bool FacesPrograms(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
}

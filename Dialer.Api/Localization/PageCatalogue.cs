using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Dialer.Api.Localization;

/// <summary>
/// The one message catalogue of the pages, wwwroot/ui/i18n/{culture}.json (flat "page.section.thing" keys, "{name}"
/// placeholders): the pages' script reads it through <see cref="CatalogueApi"/>, the server's own pages through
/// IStringLocalizer. A key missing in a language falls back to English, and to the key itself last.
/// </summary>
public sealed class PageCatalogue
{
    readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public PageCatalogue(IWebHostEnvironment env)
    {
        _byCulture = PageLocalization.Cultures.ToFrozenDictionary(c => c, c => Load(env.WebRootPath, c));
    }

    public static string PathOf(string webRoot, string culture) =>
        Path.Combine(webRoot, "ui", "i18n", culture + ".json");

    static FrozenDictionary<string, string> Load(string webRoot, string culture)
    {
        using var file = File.OpenRead(PathOf(webRoot, culture));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(file)!.ToFrozenDictionary();
    }

    /// <summary>The supported language a request culture is of ("es-MX" → "es"), English otherwise.</summary>
    public static string CultureOf(CultureInfo culture)
    {
        var language = culture.Name.Split('-')[0];
        return PageLocalization.Cultures.Contains(language) ? language : PageLocalization.English;
    }

    public IReadOnlyDictionary<string, string> Messages(string culture) =>
        _byCulture.GetValueOrDefault(culture) ?? _byCulture[PageLocalization.English];

    public string? Find(string culture, string key) =>
        Messages(culture).GetValueOrDefault(key) ?? Messages(PageLocalization.English).GetValueOrDefault(key);
}

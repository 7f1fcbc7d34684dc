using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dialer.Api.Localization;

/// <summary>IStringLocalizer over the pages' catalogue, so the server's pages and the browser's share one set of words:
/// the request's UI culture picks the language, the name is the catalogue's key.</summary>
public sealed class CatalogueLocalizer(PageCatalogue catalogue) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalogue.Find(Culture, name);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, Fill(this[name].Value, arguments), this[name].ResourceNotFound);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalogue.Messages(Culture).Select(m => new LocalizedString(m.Key, m.Value));

    static string Culture => PageCatalogue.CultureOf(CultureInfo.CurrentUICulture);

    /// <summary>The catalogue's placeholders are named ({count}), as the pages' script fills them: the arguments
    /// fill them in order of appearance.</summary>
    static string Fill(string text, object[] arguments)
    {
        var i = 0;
        return System.Text.RegularExpressions.Regex.Replace(text, @"\{\w+\}",
            m => i < arguments.Length ? Convert.ToString(arguments[i++], CultureInfo.CurrentCulture) ?? "" : m.Value);
    }
}

public sealed class CatalogueLocalizerFactory(PageCatalogue catalogue) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new CatalogueLocalizer(catalogue);
    public IStringLocalizer Create(string baseName, string location) => new CatalogueLocalizer(catalogue);
}

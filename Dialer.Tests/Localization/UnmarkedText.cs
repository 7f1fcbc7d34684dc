using System.Net;
using System.Text.RegularExpressions;

namespace Dialer.Tests.Localization;

/// <summary>
/// The words of an HTML page that a person sees but the catalogue does not give: text outside any element marked
/// data-i18n, and placeholder, title, aria-label and alt attributes not named in its data-i18n-attr. A small reader
/// of the pages' own plain HTML (no parser package needed): tags, text, comments, script and style skipped.
/// </summary>
public static partial class UnmarkedText
{
    static readonly string[] Attributes = ["placeholder", "title", "aria-label", "alt"];
    static readonly HashSet<string> Void = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"];

    /// <summary>Text that is no word of any language: the brand, symbols, digits, an example number.</summary>
    public static bool NeedsNoTranslation(string text) =>
        text == "Dialer" || !Letters().IsMatch(text) || text.StartsWith('+');

    public static IEnumerable<string> In(string html)
    {
        var marked = new Stack<bool>(); // per open element: is it (or an ancestor) marked data-i18n
        var raw = false;
        foreach (Match m in Tokens().Matches(html))
        {
            if (m.Groups["comment"].Success) continue;
            if (m.Groups["tag"].Success)
            {
                var tag = m.Groups["tag"].Value;
                var name = TagName().Match(tag).Groups[1].Value.ToLowerInvariant();
                var closing = tag.StartsWith("</");
                if (name is "script" or "style") { raw = !closing; continue; }
                if (closing) { if (marked.Count > 0) marked.Pop(); continue; }
                if (name.StartsWith('!')) continue;
                foreach (var unmarked in UnmarkedAttributes(tag)) yield return unmarked;
                if (!Void.Contains(name) && !tag.EndsWith("/>"))
                    marked.Push((marked.Count > 0 && marked.Peek()) || tag.Contains("data-i18n=\""));
                continue;
            }
            var text = WebUtility.HtmlDecode(m.Value).Trim();
            if (raw || text.Length == 0 || (marked.Count > 0 && marked.Peek()) || NeedsNoTranslation(text)) continue;
            yield return $"text “{text}”";
        }
    }

    static IEnumerable<string> UnmarkedAttributes(string tag)
    {
        var translated = AttributeList().Match(tag) is { Success: true } list
            ? list.Groups[1].Value.Split(';').Select(p => p.Split(':')[0].Trim()).ToHashSet()
            : [];
        foreach (var attribute in Attributes)
        {
            var value = Regex.Match(tag, $@"\s{attribute}=""([^""]*)""");
            if (value.Success && !NeedsNoTranslation(WebUtility.HtmlDecode(value.Groups[1].Value))
                && !translated.Contains(attribute))
                yield return $"{attribute}=“{value.Groups[1].Value}”";
        }
    }

    [GeneratedRegex(@"(?<comment><!--.*?-->)|(?<tag><[^>]+>)|[^<]+", RegexOptions.Singleline)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^</?([!\w-]+)")]
    private static partial Regex TagName();

    [GeneratedRegex(@"\sdata-i18n-attr=""([^""]*)""")]
    private static partial Regex AttributeList();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}

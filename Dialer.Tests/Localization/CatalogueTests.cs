using System.Text.RegularExpressions;
using static Dialer.Tests.Localization.PageCatalogueFiles;

namespace Dialer.Tests.Localization;

/// <summary>The pages' one message catalogue: every key in both languages, every key the pages use in it, and no
/// word on a page left outside it.</summary>
public sealed partial class CatalogueTests
{
    static readonly Dictionary<string, string> English = Catalogue("en"), Spanish = Catalogue("es");

    [Fact]
    public void Every_key_of_the_catalogue_has_its_text_in_English_and_in_Spanish()
    {
        Assert.Empty(English.Keys.Except(Spanish.Keys));
        Assert.Empty(Spanish.Keys.Except(English.Keys));
        Assert.Empty(English.Concat(Spanish).Where(m => string.IsNullOrWhiteSpace(m.Value)).Select(m => m.Key));
    }

    [Fact]
    public void A_translation_fills_the_same_placeholders_as_the_English()
    {
        var differing = English.Keys
            .Where(k => !Placeholders(English[k]).SetEquals(Placeholders(Spanish[k])))
            .ToList();
        Assert.Empty(differing);
    }

    [Fact]
    public void Every_key_a_page_or_script_uses_is_in_the_catalogue()
    {
        var used = Files("*.html").Concat(Files("*.js")).Where(f => !f.EndsWith("i18n.js"))
            .SelectMany(f => UsedKeys(File.ReadAllText(f)).Select(key => (File: Relative(f), Key: key)))
            .ToList();
        Assert.True(used.Count > 300, $"only {used.Count} uses found: the scan is broken");

        // tn('x.count', n) asks for x.count.one or x.count.other; t(`a.${b}`) is checked by its fixed part
        var missing = used.Where(u => !English.ContainsKey(u.Key) && !English.Keys.Any(k => k.StartsWith(u.Key + ".")))
            .Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void No_page_shows_a_word_that_is_not_in_the_catalogue()
    {
        var unmarked = Files("*.html")
            .SelectMany(f => UnmarkedText.In(File.ReadAllText(f)).Select(what => $"{Relative(f)}: {what}"))
            .ToList();
        Assert.Empty(unmarked);
    }

    [Fact]
    public void The_scan_finds_words_left_outside_the_catalogue()
    {
        const string page = """
            <main><h1 data-i18n="a.title">Title</h1><p>Left in English</p>
            <input placeholder="Type here"><input placeholder="Name" data-i18n-attr="placeholder:a.name">
            <span data-i18n="a.b"><b>inside a marked element</b></span> · 42 <script>const x = 'code';</script>
            <span>Dialer</span><input placeholder="+14155550100"></main>
            """;
        Assert.Equal(["text “Left in English”", "placeholder=“Type here”"], UnmarkedText.In(page));
    }

    static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    static IEnumerable<string> UsedKeys(string source) =>
        MarkedKeys().Matches(source).Select(m => m.Groups[1].Value)
            .Concat(MarkedAttributes().Matches(source)
                .SelectMany(m => m.Groups[1].Value.Split(';').Select(p => p.Split(':')[1].Trim())))
            .Concat(ScriptKeys().Matches(source).Select(m => m.Groups["key"].Value.TrimEnd('.')));

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"data-i18n=""([^""]+)""")]
    private static partial Regex MarkedKeys();

    [GeneratedRegex(@"data-i18n-attr=""([^""]+)""")]
    private static partial Regex MarkedAttributes();

    /// <summary>t('key'), tn('key', n), has('key') (not a method such as set.has), t(`key.${part}`) (its fixed
    /// start), and the navigation's label: 'ui.nav.x'.</summary>
    [GeneratedRegex(@"(?<![.\w])(?:t|tn|has)\(['`](?<key>[\w.\-]+?)(?:\$\{|['`])|label: '(?<key>ui\.[\w.]+)'")]
    private static partial Regex ScriptKeys();
}

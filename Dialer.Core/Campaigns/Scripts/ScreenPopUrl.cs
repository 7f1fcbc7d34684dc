namespace Dialer.Core.Campaigns.Scripts;

/// <summary>
/// The screen pop's URL: an https template whose merge fields may stand only in the path, query or fragment, so that no
/// contact's value can move the page to another host; each value is URL-encoded into it.
/// </summary>
public static class ScreenPopUrl
{
    public const int MaxChars = 2000;
    const string Https = "https://";

    /// <returns>why the template is refused, or null</returns>
    public static string? Refusal(string template)
    {
        if (template.Length > MaxChars) return $"At most {MaxChars} characters.";
        if (!template.StartsWith(Https, StringComparison.OrdinalIgnoreCase)) return "Only https:// addresses.";
        var authorityEnd = template.IndexOfAny(['/', '?', '#'], Https.Length);
        if (authorityEnd < 0) authorityEnd = template.Length;
        if (template.IndexOf("{{", StringComparison.Ordinal) is var field and >= 0 && field < authorityEnd)
            return "Merge fields may stand in the path or the query, not in the host.";
        var sample = ScriptMerge.FieldPattern().Replace(template, "x");
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.Host.Length == 0)
            return "Not an absolute https URL.";
        if (uri.UserInfo.Length > 0) return "No user name or password in the URL.";
        return null;
    }

    /// <summary>The page to open for this contact; null when there is none or the template no longer passes.</summary>
    public static string? For(ScreenPopSettings? pop, IReadOnlyDictionary<string, string> values)
    {
        if (pop?.UrlTemplate is not { Length: > 0 } template || Refusal(template) is not null) return null;
        var url = ScriptMerge.Text(template, values, Uri.EscapeDataString);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? url : null;
    }
}

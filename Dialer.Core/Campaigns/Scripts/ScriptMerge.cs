using System.Text;
using System.Text.RegularExpressions;

namespace Dialer.Core.Campaigns.Scripts;

/// <summary>
/// Fills <c>{{first_name}}</c>, <c>{{agent.name}}</c>, <c>{{any_list_column}}</c> in a script or a URL template. The
/// result is plain text: the console shows it as text, never as HTML. A field nobody knows becomes empty (the
/// builder's preview marks it, from <see cref="Segments"/>).
/// </summary>
public static partial class ScriptMerge
{
    /// <summary>However many times a long value is repeated, a merged text stays at most this long.</summary>
    public const int MaxMergedChars = 100_000;

    [GeneratedRegex(@"\{\{\s*([^{}\s][^{}]{0,63}?)\s*\}\}", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex FieldPattern();

    /// <summary>A piece of merged text: literal text (<see cref="Field"/> null), or a field's value.</summary>
    public sealed record Segment(string Text, string? Field = null, bool Known = true);

    public static IReadOnlyList<Segment> Segments(string? template, IReadOnlyDictionary<string, string> values)
    {
        var parts = new List<Segment>();
        if (string.IsNullOrEmpty(template)) return parts;
        var at = 0;
        foreach (Match m in FieldPattern().Matches(template))
        {
            if (m.Index > at) parts.Add(new Segment(template[at..m.Index]));
            var name = m.Groups[1].Value.Trim();
            parts.Add(values.TryGetValue(name, out var value)
                ? new Segment(value, name) : new Segment("", name, Known: false));
            at = m.Index + m.Length;
        }
        if (at < template.Length) parts.Add(new Segment(template[at..]));
        return parts;
    }

    /// <summary>The template with every field's value in its place (<paramref name="encode"/> applied to values).
    /// </summary>
    public static string Text(string? template, IReadOnlyDictionary<string, string> values,
        Func<string, string>? encode = null)
    {
        var text = new StringBuilder();
        foreach (var part in Segments(template, values))
        {
            text.Append(part.Field is null || encode is null ? part.Text : encode(part.Text));
            if (text.Length > MaxMergedChars) return text.ToString(0, MaxMergedChars) + "…";
        }
        return text.ToString();
    }

    /// <summary>The distinct field names a template uses.</summary>
    public static IEnumerable<string> FieldsIn(string? template) => string.IsNullOrEmpty(template) ? []
        : FieldPattern().Matches(template).Select(m => m.Groups[1].Value.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);
}

using System.Text.RegularExpressions;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>One Regex per distinct pattern: the description repeats a few SID patterns hundreds of times.</summary>
public sealed class RegexCache
{
    readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public Regex Get(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
            _patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant);
        return regex;
    }
}

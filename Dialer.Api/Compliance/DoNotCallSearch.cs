namespace Dialer.Api.Compliance;

/// <summary>
/// What a search box typed: the digits match inside numbers however they were written, the text inside reasons.
/// </summary>
public sealed record DoNotCallSearch(string Digits, string Pattern)
{
    public static DoNotCallSearch? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var escaped = trimmed.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        var digits = trimmed.Any(char.IsLetter) ? "" : new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        return new DoNotCallSearch(digits, "%" + escaped + "%");
    }
}

namespace Dialer.Core.Agents.Lines;

/// <summary>Touch-tones the console may send to a customer: digits, * and #, and w for a half-second pause.</summary>
public static class Dtmf
{
    public const int MaxLength = 32;
    public const string Rule = "1 to 32 of 0-9, *, # and w (a half-second pause).";

    public static bool IsValid(string? digits) =>
        digits is { Length: > 0 and <= MaxLength } && digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or 'w');
}

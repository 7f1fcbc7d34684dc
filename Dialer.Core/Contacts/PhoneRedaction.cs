using System.Text.RegularExpressions;

namespace Dialer.Core.Contacts;

/// <summary>
/// The one way a phone number is shown outside its own record (logs, traces, reasons, history): only its last four
/// digits. <see cref="Mask"/> takes a number; <see cref="Redact"/> takes any text and masks every number in it,
/// however it was written ("+14155550123", "(415) 555-0123", "415.555.0123").
/// </summary>
public static partial class PhoneRedaction
{
    /// <summary>Fewer digits than this in a run are a code, a status or a count, not a number worth hiding.</summary>
    const int ShortestNumber = 7;

    public static string Mask(string number) =>
        number.Length <= 4 ? new string('*', number.Length) : new string('*', number.Length - 4) + number[^4..];

    public static string Redact(string text) => DigitRun().Replace(text, m => MaskDigits(m.Value));

    /// <summary>Every digit but the last four becomes '*'; the separators stay, so the text still reads.</summary>
    static string MaskDigits(string run)
    {
        var digits = run.Count(char.IsAsciiDigit);
        if (digits < ShortestNumber) return run;
        var chars = run.ToCharArray();
        var hide = digits - 4;
        for (var i = 0; i < chars.Length && hide > 0; i++)
            if (char.IsAsciiDigit(chars[i])) { chars[i] = '*'; hide--; }
        return new string(chars);
    }

    /// <summary>Digits with at most two separators of the kinds people write between each.</summary>
    [GeneratedRegex(@"\d(?:[ ().\-/]{0,2}\d)+")]
    private static partial Regex DigitRun();
}

using System.Text.RegularExpressions;

namespace Dialer.Core.Csv;

/// <summary>
/// Neutralises cells a spreadsheet would run as a formula (CSV injection): a leading =, +, -, @, tab or
/// carriage return gets a quote in front. Plain numbers such as +14155550100 or -3.5 are left alone.
/// </summary>
public static partial class SpreadsheetSafe
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value))
            return "'" + value;
        return value;
    }

    /// <summary>One CSV field: neutralised, then quoted when it holds a separator, quote or line break.</summary>
    public static string Field(string? value)
    {
        var cell = Cell(value);
        return cell.AsSpan().IndexOfAny(",\"\r\n;") >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();
}

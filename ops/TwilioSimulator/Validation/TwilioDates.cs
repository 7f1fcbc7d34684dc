using System.Globalization;
using System.Text.RegularExpressions;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>The description's <c>date</c> and <c>date-time</c> formats, as Twilio's list filters take them.</summary>
public static partial class TwilioDates
{
    public static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>An ISO 8601 date-time, or a plain date: Twilio's descriptions of these filters ask for YYYY-MM-DD.
    /// </summary>
    public static bool IsDateTime(string value) =>
        IsDate(value) ||
        (IsoDateTime().IsMatch(value) &&
         DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoDateTime();
}

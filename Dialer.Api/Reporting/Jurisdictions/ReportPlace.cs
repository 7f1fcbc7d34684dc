using Dialer.Core.Compliance.Rules;

namespace Dialer.Api.Reporting.Jurisdictions;

/// <summary>
/// The one place a contact's calls are counted under: the most specific of the places whose rules bind it. The state
/// its list gives ("US-FL") first, then its number's state or province when the area code has only one ("CA-ON"),
/// then the stated country, then the number's ("ES", "GB", "US"); "unknown" for a number of no known country.
/// </summary>
public static class ReportPlace
{
    public const string Unknown = "unknown";

    public static string Of(string phone, string? stated)
    {
        var place = NumberPlaces.Of(phone);
        if (stated is { } s && s.Contains('-')) return s;
        var subdivisions = place.Jurisdictions.Where(j => j.Contains('-')).ToArray();
        if (subdivisions.Length == 1) return subdivisions[0];
        if (!string.IsNullOrEmpty(stated)) return stated;
        return place.Jurisdictions.Length > 0 ? place.Jurisdictions[0] : Unknown;
    }
}

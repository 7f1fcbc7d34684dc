using Dialer.Core.Campaigns;

namespace Dialer.Core.Compliance;

/// <summary>
/// Whether a contact may be called now, in their own local time. A contact whose number may be in
/// several zones is callable only when the window is open in every one of them; one with no known
/// zone never is. The lawful 08:00-21:00 binds whatever the campaign says.
/// </summary>
public static class CallingHours
{
    public static bool IsOpen(CallingWindow window, IReadOnlyList<string> zones, DateTimeOffset now)
    {
        if (zones.Count == 0) return false;
        foreach (var id in zones)
            if (!IsOpenIn(window, id, now)) return false;
        return true;
    }

    /// <summary>
    /// Open at every moment from <paramref name="from"/> to <paramref name="span"/> later: a call permitted now still
    /// rings inside the window. Looked at minute by minute and at the end; no closed stretch is shorter than a minute
    /// (nights, days off and holidays, clock changes of half an hour or more).
    /// </summary>
    public static bool IsOpenThrough(CallingWindow window, IReadOnlyList<string> zones, DateTimeOffset from,
        TimeSpan span)
    {
        var until = from + span;
        for (var t = from; t < until; t = t.AddMinutes(1))
            if (!IsOpen(window, zones, t)) return false;
        return IsOpen(window, zones, until);
    }

    /// <summary>
    /// The first quarter-hour from <paramref name="from"/> at which the window is open in every zone, and stays open
    /// for <paramref name="span"/>, within 8 days.
    /// </summary>
    public static DateTimeOffset? NextOpening(CallingWindow window, IReadOnlyList<string> zones, DateTimeOffset from,
        TimeSpan span = default)
    {
        if (zones.Count == 0) return null;
        var t = from;
        for (var i = 0; i < 8 * 24 * 4; i++, t = t.AddMinutes(15))
            if (IsOpenThrough(window, zones, t, span)) return t;
        return null;
    }

    static bool IsOpenIn(CallingWindow window, string zoneId, DateTimeOffset now)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) return false;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (!window.Days.Contains(local.DayOfWeek)) return false;
        if (window.Holidays.Contains(DateOnly.FromDateTime(local))) return false;

        var start = Max(window.Start, CallingWindow.LawfulStart);
        var end = Min(window.End, CallingWindow.LawfulEnd);
        var time = TimeOnly.FromDateTime(local);
        return time >= start && time < end;
    }

    static TimeOnly Max(TimeOnly a, TimeOnly b) => a > b ? a : b;
    static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;
}

using System.Collections.Concurrent;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance.Rules;

namespace Dialer.Core.Compliance;

/// <summary>
/// Whether a contact may be called now, in their own local time: inside the campaign's window and every rule set that
/// binds them (<see cref="ApplicableRules"/>: every number's 08:00-21:00, their country's, their state's). A contact
/// whose number may be in several zones is callable only when all of that is open in every one of them; one with no
/// known zone never is.
/// </summary>
public static class CallingHours
{
    static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new();

    public static bool IsOpen(CallingWindow window, IReadOnlyList<string> zones, DateTimeOffset now) =>
        ClosedBy(window, zones, ApplicableRules.Baseline, now) is null;

    public static bool IsOpen(CallingWindow window, IReadOnlyList<string> zones, ApplicableRules rules,
        DateTimeOffset now) => ClosedBy(window, zones, rules, now) is null;

    /// <summary>
    /// What closes this moment: the campaign's window or a jurisdiction's rule, named; null when open.
    /// </summary>
    public static string? ClosedBy(CallingWindow window, IReadOnlyList<string> zones, ApplicableRules rules,
        DateTimeOffset now)
    {
        if (zones.Count == 0) return "no known time zone";
        for (var i = 0; i < zones.Count; i++) // not foreach: an interface's enumerator is an allocation per call
        {
            var id = zones[i];
            if (Zone(id) is not { } zone) return $"unknown time zone {id}";
            var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            if (rules.ClosedAt(local) is { } rule) return rule; // the law first: the campaign's window only narrows it
            if (!window.Days.Contains(local.DayOfWeek)) return $"campaign days {HoursWindows.Days(window.Days)}";
            if (window.Holidays.Contains(DateOnly.FromDateTime(local))) return "campaign holiday";
            var time = TimeOnly.FromDateTime(local);
            if (time < window.Start || time >= window.End)
                return $"campaign window {window.Start:HH\\:mm}-{window.End:HH\\:mm}";
        }
        return null;
    }

    public static bool IsOpenThrough(CallingWindow window, IReadOnlyList<string> zones, DateTimeOffset from,
        TimeSpan span) => ClosedThrough(window, zones, ApplicableRules.Baseline, from, span) is null;

    public static bool IsOpenThrough(CallingWindow window, IReadOnlyList<string> zones, ApplicableRules rules,
        DateTimeOffset from, TimeSpan span) => ClosedThrough(window, zones, rules, from, span) is null;

    /// <summary>
    /// What closes any moment from <paramref name="from"/> to <paramref name="span"/> later (null: open throughout, so
    /// a call permitted now still rings inside the window). Looked at minute by minute and at the end; no closed
    /// stretch is shorter than a minute (nights, days off and holidays, clock changes of half an hour or more).
    /// </summary>
    public static string? ClosedThrough(CallingWindow window, IReadOnlyList<string> zones, ApplicableRules rules,
        DateTimeOffset from, TimeSpan span)
    {
        var until = from + span;
        for (var t = from; t < until; t = t.AddMinutes(1))
            if (ClosedBy(window, zones, rules, t) is { } closed) return closed;
        return ClosedBy(window, zones, rules, until);
    }

    public static DateTimeOffset? NextOpening(CallingWindow window, IReadOnlyList<string> zones, DateTimeOffset from,
        TimeSpan span = default) => NextOpening(window, zones, ApplicableRules.Baseline, from, span);

    /// <summary>
    /// The first quarter-hour from <paramref name="from"/> at which the window and the rules are open in every zone,
    /// and stay open for <paramref name="span"/>, within 8 days.
    /// </summary>
    public static DateTimeOffset? NextOpening(CallingWindow window, IReadOnlyList<string> zones, ApplicableRules rules,
        DateTimeOffset from, TimeSpan span = default)
    {
        if (zones.Count == 0) return null;
        var t = from;
        for (var i = 0; i < 8 * 24 * 4; i++, t = t.AddMinutes(15))
            if (ClosedThrough(window, zones, rules, t, span) is null) return t;
        return null;
    }

    static TimeZoneInfo? Zone(string id) =>
        Zones.GetOrAdd(id, static i => TimeZoneInfo.TryFindSystemTimeZoneById(i, out var zone) ? zone : null);
}

using System.Text.RegularExpressions;

namespace Dialer.Core.Compliance.Rules;

/// <summary>What a rule set must be to load: a known jurisdiction code, every rule with its source, windows that make
/// sense, a holiday calendar the package knows.</summary>
public static partial class RuleSetCheck
{
    /// <summary>The one period the claim counts a person's calls over (<see cref="PersonCalls"/>).</summary>
    public const int PersonCapPeriodHours = 24;

    [GeneratedRegex("^(default|[A-Z]{2}(-[A-Z0-9]{1,3})?)$")]
    private static partial Regex CodePattern();

    public static List<string> Problems(RuleSetFile f)
    {
        var problems = new List<string>();
        if (!CodePattern().IsMatch(f.Jurisdiction))
            problems.Add($"'{f.Jurisdiction}' is not a jurisdiction code (ES, US-FL)");
        if (string.IsNullOrWhiteSpace(f.Name)) problems.Add("no name");
        void Source(string rule, string? source)
        {
            if (string.IsNullOrWhiteSpace(source)) problems.Add($"{rule} has no source");
        }

        if (f.Hours is { } hours)
        {
            Source("hours", hours.Source);
            var seen = new HashSet<DayOfWeek>();
            foreach (var w in hours.Windows ?? [])
            {
                if (w.Days is not { Length: > 0 }) problems.Add("an hours window with no days");
                foreach (var day in w.Days ?? [])
                    if (!seen.Add(day)) problems.Add($"{day} is in two hours windows");
                if (!TimeOnly.TryParseExact(w.Start, "HH:mm", out var start)
                    || !TimeOnly.TryParseExact(w.End, "HH:mm", out var end)
                    || end <= start)
                    problems.Add($"hours {w.Start}-{w.End}: give HH:mm, the end after the start");
            }
        }
        if (f.Holidays is { } holidays)
        {
            Source("holidays", holidays.Source);
            if (!HolidayCalendar.Known.Contains(holidays.Calendar))
                problems.Add($"no holiday calendar '{holidays.Calendar}'");
        }
        if (f.Abandon is { } abandon)
        {
            Source("abandon", abandon.Source);
            if (abandon.Cap is <= 0 or > 1) problems.Add("the abandon cap is a share above 0, at most 1");
            if (abandon.WindowHours is < 1 or > 24 * 31) problems.Add("the abandon window is 1 hour to 31 days");
        }
        if (f.AbandonedLockout is { } lockout)
        {
            Source("abandonedLockout", lockout.Source);
            if (lockout.Hours is < 1 or > 24 * 30) problems.Add("the lockout is 1 hour to 30 days");
        }
        if (f.CallsPerPerson is { } cap)
        {
            Source("callsPerPerson", cap.Source);
            if (cap.Calls < 1) problems.Add("callsPerPerson allows at least one call");
            if (cap.PeriodHours != PersonCapPeriodHours)
                problems.Add(
                    $"callsPerPerson counts over {PersonCapPeriodHours} hours, the one period the claim counts");
        }
        if (f.Consent is { } consent)
        {
            Source("consent", consent.Source);
            if (consent.Required is not (ConsentScope.All or ConsentScope.Prerecorded or ConsentScope.None))
                problems.Add($"consent '{consent.Required}': all, prerecorded or none");
        }
        if (f.Registry is { } registry)
        {
            Source("registry", registry.Source);
            if (registry.MaxAgeDays is < 1 or > 366) problems.Add("a registry copy's age is 1 to 366 days");
        }
        return problems;
    }
}

public static class ConsentScope
{
    public const string All = "all", Prerecorded = "prerecorded", None = "none";
}

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// One jurisdiction's rules as its data file states them (Data/*.json). Every rule carries its source.
/// </summary>
public sealed record RuleSetFile
{
    /// <summary>ISO 3166-1 country ("ES"), ISO 3166-2 subdivision ("US-FL"), or "default" for every number.</summary>
    public string Jurisdiction { get; init; } = "";
    public string Name { get; init; } = "";
    public HoursRule? Hours { get; init; }
    public HolidayRule? Holidays { get; init; }
    public AbandonCapRule? Abandon { get; init; }
    public LockoutRule? AbandonedLockout { get; init; }
    public PersonCapRule? CallsPerPerson { get; init; }
    public ConsentRule? Consent { get; init; }
    public RegistryRule? Registry { get; init; }
}

/// <summary>When calls may be made, by day of the week, in the called person's local time; a day in no window is
/// closed.</summary>
public sealed record HoursRule(HoursWindow[] Windows, string Source);

/// <param name="Start">"HH:mm"</param>
/// <param name="End">"HH:mm", after Start; "24:00" is not accepted (no shipped rule runs to midnight)</param>
public sealed record HoursWindow(DayOfWeek[] Days, string Start, string End);

/// <param name="Calendar">the public holiday calendar (a country code the holiday package knows)</param>
/// <param name="Closed">no calls on those holidays; false: listed only, for a campaign that closes on them</param>
public sealed record HolidayRule(string Calendar, bool Closed, string Source);

/// <param name="Cap">the largest share of live answers that may be abandoned</param>
/// <param name="WindowHours">over which the share is measured, per campaign</param>
public sealed record AbandonCapRule(double Cap, int WindowHours, string Source);

/// <summary>How long a person whose call was abandoned may not be called again, by any campaign.</summary>
public sealed record LockoutRule(int Hours, string Source);

/// <summary>Calls to one number, by every campaign together, in any <see cref="PeriodHours"/>.</summary>
public sealed record PersonCapRule(int Calls, int PeriodHours, string Source);

/// <param name="Required">"all" calls, "prerecorded" (agentless) calls only, or "none"</param>
public sealed record ConsentRule(string Required, string Source);

/// <summary>How old a copy of the national do-not-call registry may be when a call is made, in days from its
/// download.</summary>
public sealed record RegistryRule(int MaxAgeDays, string Source);

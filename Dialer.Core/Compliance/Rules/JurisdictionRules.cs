namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// One jurisdiction's rules, compiled for the permit: the day windows as ticks of the local day, the holidays as a
/// calendar. Built once when the rule book loads; read many times a second by <see cref="DialPermit"/>.
/// </summary>
public sealed class JurisdictionRules
{
    readonly long[] _openFrom = new long[7], _openUntil = new long[7];

    public string Code { get; }
    /// <summary>How refusals name it: the code, or "campaign ES" for a campaign's own rule.</summary>
    public string Label { get; }
    public string Name { get; }
    public RuleSetFile File { get; }
    /// <summary>"ES Mon-Fri 09:00-21:00": what a refusal names.</summary>
    public string HoursText { get; }
    public HolidayCalendar? ClosedOn { get; }

    public JurisdictionRules(RuleSetFile file, string? label = null)
    {
        File = file;
        Code = file.Jurisdiction;
        Label = label ?? Code;
        Name = file.Name;
        if (file.Hours is null) Array.Fill(_openUntil, TimeSpan.TicksPerDay);
        else
            foreach (var window in file.Hours.Windows)
                foreach (var day in window.Days)
                {
                    _openFrom[(int)day] = TimeOnly.ParseExact(window.Start, "HH:mm").Ticks;
                    _openUntil[(int)day] = TimeOnly.ParseExact(window.End, "HH:mm").Ticks;
                }
        HoursText = $"{Label} {HoursWindows.Describe(file.Hours?.Windows)}";
        if (file.Holidays is { Closed: true } holidays) ClosedOn = HolidayCalendar.Of(holidays.Calendar);
    }

    /// <summary>Open at this local time, on this local day (not a closed holiday).</summary>
    public bool IsOpen(DateTime local) =>
        local.TimeOfDay.Ticks >= _openFrom[(int)local.DayOfWeek]
            && local.TimeOfDay.Ticks < _openUntil[(int)local.DayOfWeek];

    public bool IsHoliday(DateTime local) => ClosedOn?.Contains(DateOnly.FromDateTime(local)) == true;

    /// <summary>Open from..until on this day of the week (until 0: closed all day).</summary>
    public (TimeOnly From, TimeOnly Until, bool Closed) On(DayOfWeek day) =>
        (new TimeOnly(_openFrom[(int)day]), new TimeOnly(Math.Min(_openUntil[(int)day], TimeOnly.MaxValue.Ticks)),
            _openUntil[(int)day] <= _openFrom[(int)day]);

    public override string ToString() => Code;
}

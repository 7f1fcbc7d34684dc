namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// A campaign's own rule for one jurisdiction, stricter than the shipped ones: narrower hours, fewer calls per person,
/// a longer lockout after an abandoned call, no calls on the jurisdiction's holidays. It binds with the shipped rules,
/// so it can only narrow; <see cref="TighteningCheck"/> refuses one that would read as a loosening.
/// </summary>
public sealed record Tightening
{
    /// <summary>"ES", "US-FL", "US" (every US number and list)...</summary>
    public string Jurisdiction { get; init; } = "";
    /// <summary>The hours, by day; a day in no window is closed. Null: the shipped hours.</summary>
    public HoursWindow[]? Hours { get; init; }
    public int? CallsPer24Hours { get; init; }
    public int? AbandonedLockoutHours { get; init; }
    /// <summary>No calls on the public holidays of the jurisdiction's country.</summary>
    public bool ClosedOnHolidays { get; init; }

    /// <summary>As a rule set that binds with the shipped ones.</summary>
    public RuleSetFile ToRuleSet(string campaignName)
    {
        var source = $"campaign '{campaignName}', stricter than the law";
        var country = Jurisdiction.Split('-')[0];
        return new RuleSetFile
        {
            Jurisdiction = Jurisdiction, Name = $"{Jurisdiction} (campaign rule)",
            Hours = Hours is null ? null : new HoursRule(Hours, source),
            Holidays = ClosedOnHolidays ? new HolidayRule(country, true, source) : null,
            CallsPerPerson = CallsPer24Hours is { } calls ? new PersonCapRule(calls, 24, source) : null,
            AbandonedLockout = AbandonedLockoutHours is { } hours ? new LockoutRule(hours, source) : null,
        };
    }
}

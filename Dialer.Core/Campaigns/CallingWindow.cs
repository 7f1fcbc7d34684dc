namespace Dialer.Core.Campaigns;

/// <summary>When a contact may be called, in the contact's own local time.</summary>
public sealed record CallingWindow
{
    public static readonly TimeOnly LawfulStart = new(8, 0);
    public static readonly TimeOnly LawfulEnd = new(21, 0);

    public TimeOnly Start { get; init; } = LawfulStart;
    public TimeOnly End { get; init; } = LawfulEnd;
    public DayOfWeek[] Days { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
            DayOfWeek.Saturday];
    public DateOnly[] Holidays { get; init; } = [];
}

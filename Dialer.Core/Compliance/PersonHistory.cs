namespace Dialer.Core.Compliance;

/// <summary>
/// What the claim knows of one phone number across every campaign (<see cref="PersonCalls"/>): calls in the last 24
/// hours, its last abandoned call, and whether another campaign is calling it right now.
/// </summary>
public readonly record struct PersonHistory(int CallsLast24Hours, DateTimeOffset? LastAbandonedAt,
    bool DialingElsewhere)
{
    public static readonly PersonHistory None = new(0, null, false);
}

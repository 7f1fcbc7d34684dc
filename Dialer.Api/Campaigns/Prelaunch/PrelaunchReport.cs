namespace Dialer.Api.Campaigns.Prelaunch;

/// <param name="Reasons">how many contacts of the group for each reason (DialPermit's names where it decides)</param>
/// <param name="FirstOpening">the earliest time a contact of the group may be called, when known</param>
/// <param name="Rules">where a jurisdiction's rule or the campaign's window refused, how many contacts for each, named:
/// "outside-calling-hours: ES Mon-Fri 09:00-21:00"</param>
public sealed record PrelaunchGroup(int Count, Dictionary<string, int> Reasons, DateTimeOffset? FirstOpening,
    Dictionary<string, int> Rules);

/// <summary>Who will be called if the campaign starts now, who later, and who never, and why.</summary>
public sealed record PrelaunchReport(
    DateTimeOffset CheckedAt, int Total, PrelaunchGroup Now, PrelaunchGroup LaterToday, PrelaunchGroup Later,
    PrelaunchGroup Never, string[] Problems)
{
    /// <summary>Contacts that will be dialed at some point.</summary>
    public int Callable => Total - Never.Count;
}

/// <summary>
/// Reasons the pre-launch check adds where DialPermit's own (do-not-call, attempts-exhausted...) say too little.
/// </summary>
public static class PrelaunchReasons
{
    public const string Lawful = "lawful-now";
    public const string ZoneUnknown = "zone-unknown";
    public const string NoCommonHours = "no-common-calling-hours";
    public const string Finished = "finished";
    public const string RetryScheduled = "retry-scheduled";
}

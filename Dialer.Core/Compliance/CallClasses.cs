using Dialer.Core.Dialing;

namespace Dialer.Core.Compliance;

/// <summary>
/// What counts as a dial, a live answer, a connect and an abandoned call: in one place, as SQL for the
/// reports and the dashboard and as a function for code that holds an attempt, so the two never disagree.
/// Every SQL fragment reads the call_attempts row aliased <c>a</c>.
/// </summary>
public static class CallClasses
{
    /// <summary>The call was handed to Twilio (a skipped attempt never was).</summary>
    public const string DialedSql = "a.dialed_at IS NOT NULL AND a.state <> 105";

    /// <summary>AMD said a machine or a fax; anything else answered (human, unknown, no detection) is a person.</summary>
    public const string MachineSql = "a.answered_at IS NOT NULL AND (a.answered_by LIKE 'machine%' OR a.answered_by = 'fax')";

    public const string HumanSql = "a.answered_at IS NOT NULL AND NOT coalesce(a.answered_by LIKE 'machine%' OR a.answered_by = 'fax', false)";

    public const string ConnectedSql = "a.bridged_at IS NOT NULL";

    /// <summary>
    /// Abandoned = a person answered and no agent was connected, once the call is over. Until the agents'
    /// abandon ledger lands this is derived from the attempt; repoint this one definition at the ledger then.
    /// </summary>
    public const string AbandonedSql = $"({HumanSql}) AND a.bridged_at IS NULL AND a.state >= 100";

    public static bool IsMachine(string? answeredBy) =>
        answeredBy is not null && (answeredBy.StartsWith("machine", StringComparison.Ordinal) || answeredBy == "fax");

    public static bool IsAbandoned(CallAttempt a) =>
        a.AnsweredAt is not null && !IsMachine(a.AnsweredBy) && a.BridgedAt is null && a.IsFinal;
}

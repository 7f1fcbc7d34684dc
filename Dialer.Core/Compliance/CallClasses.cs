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

    /// <summary>The answer was treated as a person (given to an agent or the safe-harbour message): the abandon rate's denominator.</summary>
    public const string LiveAnswerSql = "a.live_answer";

    /// <summary>
    /// Abandoned = the abandon rule's verdict kept on the attempt (no agent within 2 s of the greeting), the very
    /// column the abandon ledger and the pacer count, so the reports, the dashboard and the ledger cannot disagree.
    /// </summary>
    public const string AbandonedSql = "a.live_answer AND a.abandoned";

    public static bool IsMachine(string? answeredBy) =>
        answeredBy is not null && (answeredBy.StartsWith("machine", StringComparison.Ordinal) || answeredBy == "fax");

    public static bool IsAbandoned(CallAttempt a) => a.LiveAnswer && a.Abandoned;
}

using Dialer.Core.Dialing;

namespace Dialer.Core.Figures;

/// <summary>
/// What counts as an attempt, a dial, a live answer, a machine, a connect, an abandon and a conversion: the one
/// definition every endpoint, page, report and the pacer reads (docs/figures.md says each in words). The SQL is
/// written from the same enum values and words as the code, never from typed-in numbers.
/// </summary>
public static class CallFigures
{
    static string State(AttemptState s) => $"a.state = {(int)s}";

    /// <summary>Every attempt the pacer claimed, dialed or not.</summary>
    public static readonly CallFigure Attempts = new("attempts", "true", _ => true);

    /// <summary>Handed to Twilio (a skipped attempt, refused before the dial, never was).</summary>
    public static readonly CallFigure Dials = new("dials",
        $"a.dialed_at IS NOT NULL AND a.state <> {(int)AttemptState.Skipped}",
        a => a.DialedAt is not null && a.State != AttemptState.Skipped);

    /// <summary>Twilio accepted the request and named the call.</summary>
    public static readonly CallFigure CallsPlaced =
        new("calls_placed", "a.call_sid IS NOT NULL", a => a.CallSid is not null);

    public static readonly CallFigure InFlight = new("in_flight",
        $"a.state < {(int)AttemptState.Completed}", a => !a.IsFinal);

    /// <summary>Picked up, by anyone or anything.</summary>
    public static readonly CallFigure Answered =
        new("answered", "a.answered_at IS NOT NULL", a => a.AnsweredAt is not null);

    /// <summary>
    /// The answer was treated as a person (given to an agent or the safe-harbour message, or a person who hung up
    /// before routing): the abandon rate's denominator, and every screen's "answered by a person". AMD's <c>unknown</c>
    /// is a person here, as it is to the answer webhook.
    /// </summary>
    public static readonly CallFigure LiveAnswers = new("live_answers", "a.live_answer", a => a.LiveAnswer);

    /// <summary>AMD said a machine or a fax and the call was handled as one: answered, not a live answer.</summary>
    public static readonly CallFigure MachineAnswers = new("machine_answers",
        $"a.answered_at IS NOT NULL AND NOT a.live_answer AND {MachineVerdict.Sql}",
        a => a.AnsweredAt is not null && !a.LiveAnswer && MachineVerdict.Is(a.AnsweredBy));

    /// <summary>An agent's leg and the customer heard each other.</summary>
    public static readonly CallFigure Connects =
        new("connects", "a.bridged_at IS NOT NULL", a => a.BridgedAt is not null);

    /// <summary>
    /// The abandon rule's verdict kept on the attempt (no agent within 2 s of the greeting), of a live answer.
    /// </summary>
    public static readonly CallFigure Abandoned =
        new("abandoned", "a.live_answer AND a.abandoned", a => a.LiveAnswer && a.Abandoned);

    /// <summary>A live answer an agent reached in time: what the pacer's budget counts as connected.</summary>
    public static readonly CallFigure ConnectedInTime = new("connected_in_time",
        "a.live_answer AND NOT a.abandoned AND a.bridged_at IS NOT NULL",
        a => a.LiveAnswer && !a.Abandoned && a.BridgedAt is not null);

    /// <summary>
    /// The agent's disposition was one of the campaign's conversion dispositions when it was chosen (kept on the
    /// attempt), so a later change of the list does not rewrite history.
    /// </summary>
    public static readonly CallFigure Conversions = new("conversions", "a.converted", a => a.Converted);

    public static readonly CallFigure NoAnswers =
        new("no_answers", State(AttemptState.NoAnswer), a => a.State == AttemptState.NoAnswer);

    public static readonly CallFigure Busy = new("busy", State(AttemptState.Busy), a => a.State == AttemptState.Busy);

    /// <summary>Twilio or the network failed the call, or refused to place it.</summary>
    public static readonly CallFigure Failed =
        new("failed", State(AttemptState.Failed), a => a.State == AttemptState.Failed);

    /// <summary>Stopped before the dial because the number is on a do-not-call list.</summary>
    public static readonly CallFigure DoNotCallStopped = new("do_not_call_stopped",
        $"{State(AttemptState.Skipped)} AND a.outcome = '{Compliance.DialPermit.DoNotCall}'",
        a => a.State == AttemptState.Skipped && a.Outcome == Compliance.DialPermit.DoNotCall);

    /// <summary>Every count above, in the order the totals carry them.</summary>
    public static readonly IReadOnlyList<CallFigure> All =
    [
        Attempts, Dials, CallsPlaced, InFlight, Answered, LiveAnswers, MachineAnswers, Connects, Abandoned,
        ConnectedInTime, Conversions, NoAnswers, Busy, Failed, DoNotCallStopped,
    ];

    /// <summary>Talk time: from the agent's connect to the call's end, of connected calls that ended.</summary>
    public const string TalkSecondsSql =
        "coalesce(sum(extract(epoch FROM a.ended_at - a.bridged_at)) FILTER (WHERE a.bridged_at IS NOT NULL AND "
            + "a.ended_at IS NOT NULL), 0)";

    public static double TalkSeconds(CallAttempt a) =>
        a is { BridgedAt: { } bridged, EndedAt: { } ended } ? (ended - bridged).TotalSeconds : 0;

    /// <summary>part / whole, 0 when nothing to divide by, to 4 places: every ratio on every screen.</summary>
    public static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

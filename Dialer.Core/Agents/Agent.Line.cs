using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns;

namespace Dialer.Core.Agents;

/// <summary>
/// The agent's line: opened once when they start work, kept for the shift. Routing trusts one rule: an Available agent
/// has an open line. So an agent without one waits on a break whose reason starts with "line", and is made Available
/// the moment the line opens; a line that drops takes a free agent out of routing at once.
/// </summary>
public sealed partial class Agent
{
    public const string LineReasonPrefix = "line";
    public const string NoLineReason = "line: not connected";

    public LineKind? LineKind { get; set; }
    /// <summary>
    /// The agent's phone number (E.164) or SIP address; null for the browser phone (the client identity is used).
    /// </summary>
    public string? LineAddress { get; set; }
    public LineState LineState { get; set; }
    /// <summary>The call that is the line; callbacks of an older line are recognised by it and ignored.</summary>
    public string? LineCallSid { get; set; }
    public DateTimeOffset? LineSince { get; set; }
    public string? LineReason { get; set; }
    /// <summary>
    /// A request to open the line that the Worker has not yet placed: its key, so a repeated message places one call.
    /// </summary>
    public Guid? LineRequestId { get; set; }

    /// <summary>
    /// The agent's room's Conference SID (CF...), learnt from its first event: mute, hold and kicks address it.
    /// </summary>
    public string? RoomSid { get; set; }

    public bool HasOpenLine => LineState == LineState.Open;

    public Refusal? TryRequestLine(LineKind kind, string? address, Guid requestId, DateTimeOffset now)
    {
        if (LineState is LineState.Connecting or LineState.Open)
            return new Refusal(LineState == LineState.Open ? "Your line is already open."
                : "Your line is already being connected.");
        (LineKind, LineAddress, LineRequestId, LineCallSid) =
            (kind, kind == Lines.LineKind.Browser ? null : address, requestId, null);
        SetLine(LineState.Connecting, null, now);
        return null;
    }

    /// <summary>The Worker placed the line's call: from now on only this call's callbacks count.</summary>
    public bool LinePlaced(Guid requestId, string callSid)
    {
        if (LineRequestId != requestId) return false;
        if (LineCallSid == callSid) return true; // the room told us of the line before the create's answer came back
        if (LineState != LineState.Connecting || LineCallSid is not null) return false;
        LineCallSid = callSid;
        return true;
    }

    /// <summary>The agent is in their room. A break that only waited for the line ends by itself.</summary>
    public bool LineOpened(string callSid, DateTimeOffset now)
    {
        if (LineState != LineState.Connecting) return false;
        // an agent who picks up at once joins the room before the create's answer reaches us: the join names the line
        if (LineCallSid is null && LineRequestId is not null) LineCallSid = callSid;
        if (LineCallSid != callSid) return false;
        SetLine(LineState.Open, null, now);
        if (State == AgentState.Break && IsLineBreak) Move(AgentState.Available, "line connected", now);
        return true;
    }

    /// <summary>
    /// The line ended, or could never be placed. A free agent leaves routing at once; an agent with a customer keeps
    /// them (the customer waits in the room, on the room's music, until the agent reconnects or hangs up from the
    /// console).
    /// </summary>
    /// <param name="callSid">the line's call, or null when its create failed (the request is then the line)</param>
    public bool LineDropped(string? callSid, string reason, DateTimeOffset now)
    {
        if (LineState is not (LineState.Connecting or LineState.Open)) return false;
        if (callSid is not null && LineCallSid != callSid) return false;
        SetLine(LineState.Dropped, reason, now);
        LineRequestId = null;
        var wasFree = State == AgentState.Available;
        if (wasFree) Move(AgentState.Break, LineBreakReason, now);
        if (State == AgentState.Break && (wasFree || IsLineBreak)) BreakReason = LineBreakReason;
        return true;
    }

    /// <summary>
    /// The agent hangs the line up themselves: the same as a drop, with their reason. (An agent who goes Offline keeps
    /// the line until the Worker's healer hangs it up: one place for every way of going Offline.)
    /// </summary>
    public bool LineClosed(DateTimeOffset now) => LineDropped(null, "hung up by the agent", now);

    /// <summary>Why an agent without an open line waits: shown on the console and the wall.</summary>
    public string LineBreakReason => LineState == LineState.Dropped && LineReason is { } why
        ? Truncate($"{LineReasonPrefix} dropped: {why}") : NoLineReason;

    bool IsLineBreak => BreakReason?.StartsWith(LineReasonPrefix, StringComparison.Ordinal) == true;

    void SetLine(LineState state, string? reason, DateTimeOffset now)
    {
        LineState = state;
        LineReason = reason is null ? null : Truncate(reason);
        LineSince = now;
    }

    static string Truncate(string s) => s.Length <= 100 ? s : s[..100];
}

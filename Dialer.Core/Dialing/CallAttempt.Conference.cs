namespace Dialer.Core.Dialing;

/// <summary>
/// Where a bridged call lives: the customer joined the agent's own room (see Agents/Lines/AgentRoom), which supervisors
/// join.
/// </summary>
public sealed partial class CallAttempt
{
    /// <summary>The agent's room's SID, known once the customer joined it.</summary>
    public string? ConferenceSid { get; set; }
    /// <summary>The agent's line: the call a whispering supervisor coaches.</summary>
    public string? AgentCallSid { get; set; }

    public bool AgentLegPlaced(string? conferenceSid, string agentCallSid)
    {
        if (ConferenceSid == conferenceSid && AgentCallSid == agentCallSid) return false;
        ConferenceSid ??= conferenceSid;
        AgentCallSid ??= agentCallSid;
        return true;
    }
}

namespace Dialer.Core.Dialing;

/// <summary>Where a bridged call lives: the customer and the agent talk in a conference of their own, which supervisors join.</summary>
public sealed partial class CallAttempt
{
    /// <summary>The conference's SID, known once the agent's leg was placed into it.</summary>
    public string? ConferenceSid { get; set; }
    /// <summary>The agent's leg: the call a whispering supervisor coaches.</summary>
    public string? AgentCallSid { get; set; }

    /// <summary>The conference's FriendlyName: one room per attempt, so the name alone finds it.</summary>
    public string ConferenceName => ConferenceNameOf(Id);

    public static string ConferenceNameOf(Guid attemptId) => $"attempt-{attemptId:N}";

    public bool AgentLegPlaced(string? conferenceSid, string agentCallSid)
    {
        if (ConferenceSid == conferenceSid && AgentCallSid == agentCallSid) return false;
        ConferenceSid ??= conferenceSid;
        AgentCallSid ??= agentCallSid;
        return true;
    }
}

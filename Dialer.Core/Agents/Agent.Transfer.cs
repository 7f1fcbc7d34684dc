namespace Dialer.Core.Agents;

/// <summary>The agent's side of a transfer (see Transfers/CallTransfer).</summary>
public sealed partial class Agent
{
    /// <summary>The customer now talks with a third party without this agent, who wraps the call up.</summary>
    public bool HandedOver(Guid attemptId, DateTimeOffset now) =>
        State == AgentState.OnCall && CurrentAttemptId == attemptId
            && Moved(AgentState.WrapUp, "customer handed over to a transfer", now) is null;

    /// <summary>
    /// The customer went to another agent: the call and its disposition are theirs now, so this agent is free at once
    /// (a wrap-up here would end in a disposition this agent may no longer set).
    /// </summary>
    public bool HandedOff(Guid attemptId, DateTimeOffset now)
    {
        if (State != AgentState.OnCall || CurrentAttemptId != attemptId) return false;
        Move(AgentState.Available, "customer transferred to another agent", now);
        CurrentAttemptId = null;
        return true;
    }
}

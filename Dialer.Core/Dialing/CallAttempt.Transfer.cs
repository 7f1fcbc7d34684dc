namespace Dialer.Core.Dialing;

public sealed partial class CallAttempt
{
    /// <summary>
    /// The customer goes to another agent's room: the call is theirs from now (its end, its disposition), and the room
    /// is learnt again when the customer joins it.
    /// </summary>
    public void TransferredTo(Guid agentId)
    {
        AgentId = agentId;
        ConferenceSid = null;
        AgentCallSid = null;
    }
}

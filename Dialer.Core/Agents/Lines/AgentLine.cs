namespace Dialer.Core.Agents.Lines;

/// <summary>
/// How the agent's line reaches them: their browser phone (a Twilio Client identity), their own phone, a SIP address.
/// </summary>
public enum LineKind { Browser, Phone, Sip }

/// <summary>
/// None: never asked for; Connecting: the engine is calling the agent; Open: the agent is in their room, waiting for
/// customers; Dropped: the line ended (the reason says why) and the agent is out of routing until it is reconnected.
/// </summary>
public enum LineState { None, Connecting, Open, Dropped }

/// <summary>The room an agent's line waits in for the whole shift; every customer the agent takes joins it.</summary>
public static class AgentRoom
{
    public static string NameOf(Guid agentId) => $"agent-{agentId:N}";

    /// <summary>
    /// The agent's own participant label in their room; customers join as <see cref="CustomerLabel"/>.
    /// </summary>
    public const string AgentLabel = "agent";
    public const string CustomerLabel = "customer";
}

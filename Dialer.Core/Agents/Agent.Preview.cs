using Dialer.Core.Campaigns;

namespace Dialer.Core.Agents;

public sealed partial class Agent
{
    /// <summary>Why the agent cannot dial a previewed contact now, or null when they can.</summary>
    public Refusal? PreviewDialRefusal() => State switch
    {
        AgentState.Available => null,
        AgentState.Offline => new Refusal("Log in to a campaign first."),
        AgentState.Break => new Refusal("Come back from your break first."),
        AgentState.WrapUp => new Refusal("Set the call's disposition first."),
        _ => new Refusal($"The agent is {State} with a call."),
    };

    /// <summary>
    /// The agent dials the contact they previewed: they are reserved for that call from the dial on (the router
    /// reserves at the answer instead), so the answer goes to them and nobody else.
    /// </summary>
    public Refusal? TryReserveForPreviewDial(Guid attemptId, DateTimeOffset now)
    {
        if (PreviewDialRefusal() is { } refusal) return refusal;
        CurrentAttemptId = attemptId;
        Move(AgentState.Reserved, "preview dial", now);
        return null;
    }
}

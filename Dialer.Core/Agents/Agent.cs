namespace Dialer.Core.Agents;

public sealed class Agent
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The Twilio Client identity the agent's browser phone registers as.</summary>
    public string ClientIdentity { get; set; } = "";
    public AgentState State { get; set; }
    public DateTimeOffset StateSince { get; set; }
    public string? BreakReason { get; set; }
    public Guid[] CampaignIds { get; set; } = [];
    public Guid? CurrentAttemptId { get; set; }
    public uint Version { get; set; }
}

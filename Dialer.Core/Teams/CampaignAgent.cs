namespace Dialer.Core.Teams;

/// <summary>An agent assigned to a campaign: an agent logs in to, previews and takes calls of these only.</summary>
public sealed class CampaignAgent
{
    public Guid CampaignId { get; set; }
    public Guid AgentId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    /// <summary>The assigning user's id.</summary>
    public string AssignedBy { get; set; } = "";
}

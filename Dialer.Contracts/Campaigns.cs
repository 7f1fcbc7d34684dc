namespace Dialer.Contracts;

/// <summary>A campaign moved in its lifecycle (scheduled, running, paused, stopped, completed).</summary>
public sealed record CampaignStateChanged(Guid CampaignId, string Status, string? Reason, DateTimeOffset At);

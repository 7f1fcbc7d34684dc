namespace Dialer.Core.Pacing;

/// <summary>How a campaign decides when to place its next calls.</summary>
public enum DialingMode
{
    /// <summary>The agent sees the contact first and dials it; the pacer places nothing on its own.</summary>
    Preview,
    /// <summary>One line per idle agent.</summary>
    Progressive,
    /// <summary>A fixed number of lines per idle agent (<see cref="PacingSettings.PowerRatio"/>).</summary>
    Power,
    /// <summary>Lines per agent adapted to keep the abandon rate under the campaign's target.</summary>
    Predictive,
    /// <summary>Message or press-1 broadcast: no agents, a cap on lines.</summary>
    Agentless,
}

namespace Dialer.Core.Pacing;

/// <summary>A campaign's pacing settings, as the pacers read them.</summary>
public sealed record PacingSettings
{
    public DialingMode Mode { get; init; } = DialingMode.Progressive;

    /// <summary>Abandoned calls allowed, as a fraction of live answers (FTC TSR: 3%; UK campaigns use lower).</summary>
    public double AbandonTarget { get; init; } = Compliance.AbandonRule.LegalCeiling;

    /// <summary>Lines in use never exceed this many per logged-in agent.</summary>
    public double LinesPerAgentCeiling { get; init; } = 3.0;

    /// <summary>Power mode: lines per idle agent.</summary>
    public double PowerRatio { get; init; } = 2.0;

    /// <summary>Agentless mode: lines in use at most.</summary>
    public int AgentlessLineCap { get; init; } = 10;

    /// <summary>Lines the trunk carries at most, if limited.</summary>
    public int? TrunkCap { get; init; }

    /// <summary>An agent gets no call until idle this long (a breath between calls); 0 for none.</summary>
    public double MinReadySeconds { get; init; }

    /// <summary>How long after the answer a live call may wait for an agent before the safe-harbour message.</summary>
    public double HoldSeconds { get; init; } = 3;

    /// <summary>
    /// Share of answering people that answering-machine detection wrongly hangs up on (0 without AMD).
    /// </summary>
    public double AmdFalsePositiveRate { get; init; }
}

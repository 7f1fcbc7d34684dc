namespace Dialer.Core.Pacing;

public static class LineLimits
{
    /// <summary>Most lines the campaign may hold now: the per-agent ceiling and the trunk cap.</summary>
    public static int MaxLines(PacingSnapshot s)
    {
        var ceiling = (int)Math.Floor(s.Settings.LinesPerAgentCeiling * s.Agents.Count + 1e-9);
        return s.Settings.TrunkCap is { } trunks ? Math.Min(ceiling, trunks) : ceiling;
    }

    /// <summary>Clamps a wish to what the ceiling and trunk leave room for, and to zero.</summary>
    public static int Clamp(PacingSnapshot s, int wanted) =>
        Math.Max(0, Math.Min(wanted, MaxLines(s) - s.LinesInUse));

    /// <summary>Lines already on their way to the idle agents: ringing or answered and waiting.</summary>
    public static int LinesInFlight(PacingSnapshot s) => s.RingingLineAges.Count + s.WaitingCallAges.Count;
}

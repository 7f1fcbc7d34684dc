namespace Dialer.Core.Pacing;

/// <summary>Agents dial themselves from the console; the pacer places nothing.</summary>
public sealed class PreviewPacer : IPacer
{
    public int LinesToOpen(PacingSnapshot snapshot) => 0;
}

/// <summary>One line per idle agent not already covered by a line in flight.</summary>
public sealed class ProgressivePacer : IPacer
{
    public int LinesToOpen(PacingSnapshot snapshot) => LineLimits.Clamp(snapshot, Uncovered(snapshot));

    public static int Uncovered(PacingSnapshot s) => s.IdleAgents - LineLimits.LinesInFlight(s);
}

/// <summary>
/// A fixed ratio of lines in flight per idle agent (rounded down: 1.95 with one idle agent is one line).
/// </summary>
public sealed class PowerPacer(double? ratio = null) : IPacer
{
    public int LinesToOpen(PacingSnapshot snapshot)
    {
        var r = ratio ?? snapshot.Settings.PowerRatio;
        var target = (int)Math.Floor(r * snapshot.IdleAgents + 1e-9);
        return LineLimits.Clamp(snapshot, target - LineLimits.LinesInFlight(snapshot));
    }
}

/// <summary>Broadcast: keeps the line cap filled, agents or not.</summary>
public sealed class AgentlessPacer : IPacer
{
    public int LinesToOpen(PacingSnapshot snapshot)
    {
        var s = snapshot;
        var cap = s.Settings.TrunkCap is { } trunks ? Math.Min(trunks, s.Settings.AgentlessLineCap)
            : s.Settings.AgentlessLineCap;
        return Math.Max(0, cap - s.LinesInUse);
    }
}

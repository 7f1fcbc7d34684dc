namespace Dialer.Core.Pacing.Simulation;

enum CallKind { Human, Machine, Failed, NoAnswer }

enum CallPhase { Ringing, Classifying, Waiting, Connected, Ended }

sealed class SimCall
{
    public required double DialedAt { get; init; }
    public required CallKind Kind { get; init; }
    public required double RingSeconds { get; init; }
    /// <summary>AMD's time from answer to verdict; 0 without AMD.</summary>
    public required double VerdictSeconds { get; init; }
    /// <summary>Passed on to an agent (people AMD got right, machines it missed, everything without AMD).</summary>
    public required bool ClassifiedLive { get; init; }
    public CallPhase Phase { get; set; }
    public double AnsweredAt { get; set; }
    /// <summary>Index of this person in the measured answers, or -1 outside the window.</summary>
    public int AnswerIndex { get; set; } = -1;
    public double LiveAt => DialedAt + RingSeconds + VerdictSeconds;
}

sealed class SimAgent
{
    public AgentActivity Activity { get; set; } = AgentActivity.Idle;
    public double StateSince { get; set; }
    public SimCall? Call { get; set; }
    public double PendingWrapSeconds { get; set; }
    public bool InMachineWrap { get; set; }
    /// <summary>When the current work (call and wrap-up) ends: truth only the oracle may see.</summary>
    public double FreeAt { get; set; }
}

/// <summary>What only the oracle baseline may see: exact agent free times and the fate of dialed calls.</summary>
public sealed record WorldTruth(double Now, IReadOnlyList<double> AgentFreeTimes,
    IReadOnlyList<PendingLive> PendingLive);

/// <param name="LiveAt">When the call is passed on as live (past, for calls already waiting).</param>
/// <param name="Deadline">When it is abandoned if no agent has taken it.</param>
public readonly record struct PendingLive(double LiveAt, double Deadline, bool IsMachine);

/// <summary>A benchmark baseline that sees the truth (MODEL.md's oracle).</summary>
public interface IClairvoyantPacer
{
    int LinesToOpen(PacingSnapshot snapshot, WorldTruth truth);
}

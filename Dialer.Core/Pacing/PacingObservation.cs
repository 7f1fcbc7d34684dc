namespace Dialer.Core.Pacing;

public enum DialResolution { Live, MachineVerdict, Failed, NoAnswer }

/// <summary>Something the dialer learned about its calls or agents, at time <see cref="At"/> (seconds).</summary>
public abstract record PacingObservation(double At);

/// <summary>A dial ended its ringing (and AMD, if any) with a known result.</summary>
/// <param name="SecondsFromDial">From the dial to the result (for live calls: to being passed on as live).</param>
/// <param name="SecondsAfterAnswer">For live calls, the AMD time between answer and passing on (0 without AMD).</param>
public sealed record DialResolved(double At, DialResolution Resolution, double SecondsFromDial,
    double SecondsAfterAnswer = 0)
    : PacingObservation(At);

/// <summary>An agent finished a stretch of work: a talk, a wrap-up, or a whole machine handling.</summary>
public sealed record AgentWorkEnded(double At, AgentActivity Activity, double Seconds) : PacingObservation(At);

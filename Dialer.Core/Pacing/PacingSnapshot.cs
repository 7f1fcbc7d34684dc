namespace Dialer.Core.Pacing;

public enum AgentActivity
{
    Idle,
    Talking,
    WrapUp,
    /// <summary>A machine passed on as live: the agent handles it, then a short wrap-up.</summary>
    HandlingMachine,
}

/// <summary>One logged-in agent as the dialer sees it.</summary>
public readonly record struct AgentView(AgentActivity Activity, double SecondsInState);

/// <summary>
/// What the abandon ledger reports for the campaign's window. The dialer cannot tell who it dropped: a
/// dropped live call may be a person or a machine AMD let through (or any machine, without AMD); and
/// people AMD wrongly hung up on look like machine verdicts. The predictive pacer estimates both.
/// </summary>
/// <param name="Connected">Live calls answered by a person and connected to an agent.</param>
/// <param name="Dropped">Live calls hung up on with the safe-harbour message for lack of an agent.</param>
/// <param name="MachineVerdicts">Calls AMD classified as machines and hung up on.</param>
public readonly record struct AbandonBudget(int Connected, int Dropped, int MachineVerdicts)
{
    public static readonly AbandonBudget Empty = new(0, 0, 0);
}

/// <summary>
/// Everything a pacer may look at, at one moment. Pacers are pure functions of it (plus, for the predictive
/// one, its learned estimates), so the same code runs in the worker and in the simulator.
/// </summary>
/// <param name="Now">Seconds on the caller's clock; only differences matter.</param>
/// <param name="Agents">Logged-in agents.</param>
/// <param name="RingingLineAges">Lines dialed and not yet classified (ringing or in AMD): seconds since each was
/// dialed.</param>
/// <param name="WaitingCallAges">Live calls waiting for an agent: seconds since each was passed on as live.</param>
public sealed record PacingSnapshot(
    double Now,
    IReadOnlyList<AgentView> Agents,
    IReadOnlyList<double> RingingLineAges,
    IReadOnlyList<double> WaitingCallAges,
    AbandonBudget Budget,
    PacingSettings Settings)
{
    public int IdleAgents => Agents.Count(a => a.Activity == AgentActivity.Idle);

    public int AgentsOnCalls => Agents.Count(a => a.Activity is AgentActivity.Talking or AgentActivity.HandlingMachine);

    /// <summary>Lines held now: ringing, waiting, and connected to an agent.</summary>
    public int LinesInUse => RingingLineAges.Count + WaitingCallAges.Count + AgentsOnCalls;
}

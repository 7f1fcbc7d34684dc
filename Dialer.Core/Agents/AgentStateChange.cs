namespace Dialer.Core.Agents;

/// <summary>
/// One move of one agent, kept for ever: timesheets, occupancy and the audit of the self-healing all
/// read these rows rather than the agent's current state.
/// </summary>
public sealed class AgentStateChange
{
    public long Id { get; set; }
    public Guid AgentId { get; set; }
    public AgentState From { get; set; }
    public AgentState To { get; set; }
    public string Reason { get; set; } = "";
    public Guid? AttemptId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The person who made the move when it was not the agent or the system (a manager's logout).</summary>
    public string? ChangedBy { get; set; }
}

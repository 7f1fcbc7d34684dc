namespace Dialer.Contracts;

/// <summary>
/// A manager logged the agent out; Deferred: it takes effect once the agent's current call is wrapped up.
/// </summary>
public sealed record AgentLogoutRequested(Guid AgentId, string By, string? Reason, bool Deferred, DateTimeOffset At);

/// <summary>The agent's console connected or went away (the managers' wall flags a console that is gone).</summary>
public sealed record AgentConsoleChanged(Guid AgentId, bool Connected, DateTimeOffset At);
